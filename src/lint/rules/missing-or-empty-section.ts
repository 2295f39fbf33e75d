import { SECTION_KINDS, SECTION_TITLES } from '../../ir.js';
import type { Place, SectionKind, Spec } from '../../ir.js';
import { headingPlace } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** The question a reviewer asks when a section is missing or says nothing. */
const QUESTIONS: Readonly<Record<SectionKind, string>> = {
  goal: 'What problem does this feature solve, for whom, and how will we know it works?',
  io: 'What does the feature take in and give back: which inputs with which types and limits, which outputs, which error answers?',
  constraints: 'What must always hold, whatever the input: limits, ordering, consistency, where state lives?',
  'failure-modes':
    'What happens when a dependency is down, slow or erroring, and what does the caller see then?',
  'out-of-scope': 'What is out of scope: what will this feature deliberately not do?',
  acceptance: 'How will we know it is done: which checks must pass?',
};

/** Every section is there and says something: an empty section is a decision nobody made. */
export const missingOrEmptySection: LintRule = {
  meta: {
    id: 'missing-or-empty-section',
    code: 'SG6005',
    severity: 'warning',
    description:
      'Each of Goal, Inputs / Outputs, Constraints, Failure Modes, Out of Scope and Acceptance is present and not empty.',
  },
  check(spec) {
    const diagnostics = [];
    for (const kind of SECTION_KINDS) {
      const section = spec.sections.find((candidate) => candidate.kind === kind);
      if (!section) {
        diagnostics.push(
          report(missingOrEmptySection.meta, {
            message: `${QUESTIONS[kind]} (no "${SECTION_TITLES[kind]}" section)`,
            place: whereMissing(spec, kind),
            expected: `a "## ${SECTION_TITLES[kind]}" section`,
          }),
        );
      } else if (section.text.trim() === '' && kind !== 'acceptance') {
        // An empty Acceptance is empty-acceptance's finding already.
        diagnostics.push(
          report(missingOrEmptySection.meta, {
            message: `${QUESTIONS[kind]} (the "${section.heading}" section is empty)`,
            place: headingPlace(section),
            expected: `prose or list items under "## ${section.heading}"`,
          }),
        );
      }
    }
    return diagnostics;
  },
};

/** Where the missing section would go: the end of the section it should follow, else the start of the first. */
function whereMissing(spec: Spec, kind: SectionKind): Place {
  const rank = SECTION_KINDS.indexOf(kind);
  const before = spec.sections.filter((section) => SECTION_KINDS.indexOf(section.kind) < rank).at(-1);
  if (before) return { file: spec.file, start: before.place.end, end: before.place.end };
  const first = spec.sections[0];
  return first ? headingPlace(first) : { file: spec.file, start: spec.place.start, end: spec.place.start };
}
