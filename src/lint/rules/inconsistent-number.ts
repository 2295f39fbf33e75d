import jsonata from 'jsonata';
import type { Check, Criterion, Spec, Step } from '../../ir.js';
import { splitTemplate } from '../../template.js';
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
    else if (typeof value === 'string')
      numbersInTemplate(value, spec.config.vars).forEach((n) => used.add(n));
    else if (Array.isArray(value)) value.forEach(visit);
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

/**
 * Numbers a template stands for: those in its text, and in each `{{ … }}` expression the
 * number literals and `vars.*` values JSONata reads there, so `[1..50]` (a phrase's `[1..<int>]`
 * given 50) uses 1 and 50 however the operators around them are spaced.
 */
function numbersInTemplate(template: string, vars: Spec['config']['vars']): number[] {
  return splitTemplate(template).parts.flatMap((part) =>
    part.kind === 'text' ? numbersInText(part.text) : numbersInExpression(part.source, vars),
  );
}

function numbersInText(text: string): number[] {
  return [...text.matchAll(/(?<![\w.])\d+(?:\.\d+)?/g)].map((match) => Number(match[0]));
}

type JsonataNode = { type?: string; value?: unknown; steps?: JsonataNode[]; [key: string]: unknown };

function numbersInExpression(source: string, vars: Spec['config']['vars']): number[] {
  let ast: JsonataNode;
  try {
    ast = jsonata(source).ast() as unknown as JsonataNode;
  } catch {
    // The parser refuses a spec whose expression does not compile; such a check uses no number.
    return [];
  }
  const numbers: number[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as JsonataNode;
    if (n.type === 'number' && typeof n.value === 'number') numbers.push(Math.abs(n.value));
    if (n.type === 'string' && typeof n.value === 'string') numbers.push(...numbersInText(n.value));
    const [head, name] = n.type === 'path' ? (n.steps ?? []) : [];
    if (head?.type === 'name' && head.value === 'vars' && name?.type === 'name') {
      const variable = vars[String(name.value)];
      if (typeof variable === 'number') numbers.push(variable);
    }
    Object.values(n).forEach(visit);
  };
  visit(ast);
  return numbers;
}

function flatten(steps: readonly Step[]): Step[] {
  return steps.flatMap((step) => ('steps' in step ? [step, ...flatten(step.steps)] : [step]));
}
