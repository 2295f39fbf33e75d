import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Place, Spec } from '../../ir.js';
import { DEPENDENCY_KINDS, OUTAGE, serviceDependency } from '../dependencies.js';
import type { DependencyKind } from '../dependencies.js';
import { headingPlace, maskCode, matchesOf, placeIn, proseOf } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** "no in-process cache", "without a queue": a dependency the spec rules out is none. */
const NEGATED = /\b(?:no|not|never|without)\b[\w\s-]*$/i;

/** Every dependency the spec names has a failure mode saying what happens when it fails. */
export const dependencyWithoutFailureMode: LintRule = {
  meta: {
    id: 'dependency-without-failure-mode',
    code: 'SG6006',
    severity: 'warning',
    description:
      'Every front matter service and every store or external system named in Constraints has a failure mode for when it is down, slow or erroring.',
  },
  check(spec) {
    const failureText = failureModeParagraphs(spec);
    const covered = (kind: DependencyKind) =>
      failureText.some(
        (paragraph) => new RegExp(kind.names.source, 'i').test(paragraph) && OUTAGE.test(paragraph),
      );

    const asked = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    const ask = (label: string, place: Place, found?: string) => {
      asked.add(label);
      diagnostics.push(
        report(dependencyWithoutFailureMode.meta, {
          message: `What happens when ${label} is down, slow or erroring? Fail open or closed, and what does the caller see?`,
          place,
          expected: `a Failure Modes criterion about ${label} being unreachable or slow`,
          ...(found ? { found } : {}),
        }),
      );
    };

    const anchor = failureModesAnchor(spec);
    for (const [name, service] of Object.entries(spec.config.services)) {
      const kind = serviceDependency(name, service.kind);
      const label = kind?.label ?? '';
      if (kind && !covered(kind) && !asked.has(label))
        ask(label, anchor, `service "${name}" (${service.kind})`);
    }

    const constraints = proseOf(spec, 'constraints');
    if (constraints) {
      for (const kind of DEPENDENCY_KINDS) {
        if (asked.has(kind.label) || covered(kind)) continue;
        const first = matchesOf(constraints.masked, kind.names).find(
          (match) => !NEGATED.test(constraints.masked.slice(Math.max(0, match.index - 30), match.index)),
        );
        if (first)
          ask(kind.label, placeIn(constraints, first.index, first.index + first[0].length), first[0]);
      }
    }
    return diagnostics;
  },
};

/** Each failure mode's prose, and the section's paragraphs when it has prose outside criteria. */
function failureModeParagraphs(spec: Spec): string[] {
  const section = spec.sections.find((candidate) => candidate.kind === 'failure-modes');
  if (!section) return [];
  const listed = [
    ...section.criteria.map((criterion) => criterion.prose),
    ...section.items.map((item) => item.text),
  ];
  return listed.length > 0 ? listed : maskCode(section.text).split(/\n\s*\n/);
}

function failureModesAnchor(spec: Spec): Place {
  const section =
    spec.sections.find((candidate) => candidate.kind === 'failure-modes') ??
    spec.sections.find((candidate) => candidate.kind === 'goal') ??
    spec.sections[0];
  return section
    ? headingPlace(section)
    : { file: spec.file, start: spec.place.start, end: spec.place.start };
}
