import type { Check, Criterion, Spec, Step } from '../../ir.js';
import { matchesOf, placeIn, sectionProse, spanOf } from '../prose.js';
import type { SectionProse } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** Numbers a criterion's prose commits to: "the 61st", "60 requests", "60 req/min". */
const PROSE_NUMBER = /\b(\d+)(?:(st|nd|rd|th)\b|\s*(?:requests?|req)\b)/gi;

/**
 * Prose and yaml block disagree about a count. Conservative on purpose: only request counts
 * and ordinals are compared, and any number the block uses (literal, referenced var, or the
 * running total of repeated sends) agrees with the prose.
 */
export const inconsistentNumber: LintRule = {
  meta: {
    id: 'inconsistent-number',
    code: 'SG6011',
    severity: 'warning',
    description:
      'A request count or ordinal in a criterion\'s prose ("60 requests", "the 61st") is a number its yaml block uses.',
  },
  check(spec) {
    return spec.sections.flatMap((section) => {
      const prose = sectionProse(section);
      return section.criteria.flatMap((criterion) => {
        if (!criterion.check) return [];
        const used = numbersUsed(criterion.check, spec);
        const [start, end] = spanOf(prose, criterion.place);
        return matchesOf(prose.masked.slice(start, end), PROSE_NUMBER)
          .filter((match) => !agrees(Number(match[1]), match[2] !== undefined, used))
          .map((match) => diagnose(criterion, prose, start + match.index, match[0], used));
      });
    });
  },
};

function agrees(value: number, ordinal: boolean, used: ReadonlySet<number>): boolean {
  // "The 61st is 429" follows 60 sends: an ordinal agrees with the count before it too.
  return used.has(value) || (ordinal && used.has(value - 1));
}

function diagnose(
  criterion: Criterion,
  prose: SectionProse,
  index: number,
  text: string,
  used: ReadonlySet<number>,
) {
  const numbers = [...used].sort((a, b) => a - b).slice(0, 8);
  return report(inconsistentNumber.meta, {
    message: `${criterion.id} says "${text}", but its yaml block never uses that number (it uses ${numbers.join(', ') || 'none'}): which one is the contract?`,
    place: placeIn(prose, index, index + text.length),
    found: text,
    expected: `a number the yaml block of ${criterion.id} uses`,
  });
}

/** Literal numbers, numbers inside templates, `vars.*` values they name, and running totals of repeats. */
function numbersUsed(check: Check, spec: Spec): Set<number> {
  const used = new Set<number>();
  const visit = (value: unknown): void => {
    if (typeof value === 'number') used.add(value);
    else if (typeof value === 'string') {
      for (const match of value.matchAll(/\bvars\.(\w+)/g)) {
        const variable = spec.config.vars[match[1] ?? ''];
        if (typeof variable === 'number') used.add(variable);
      }
      for (const match of value.matchAll(/(?<![\w.])\d+(?:\.\d+)?/g)) used.add(Number(match[0]));
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object')
      // Places are positions in the file, not numbers of the check.
      for (const [key, inner] of Object.entries(value)) if (key !== 'place') visit(inner);
  };
  visit(check);
  let total = 0;
  for (const step of flatten(check.steps)) {
    if (step.kind !== 'send') continue;
    total += typeof step.repeat === 'number' ? step.repeat : 1;
    used.add(total);
  }
  return used;
}

function flatten(steps: readonly Step[]): Step[] {
  return steps.flatMap((step) => ('steps' in step ? [step, ...flatten(step.steps)] : [step]));
}
