import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** Without acceptance criteria the generated suite has nothing to judge an implementation by. */
export const emptyAcceptance: LintRule = {
  meta: {
    id: 'empty-acceptance',
    code: 'SG6002',
    severity: 'warning',
    description: 'The Acceptance section holds at least one criterion.',
  },
  check(spec) {
    // A missing section is the parser's error (SG1003); lint looks at one that is there but empty.
    return spec.sections
      .filter((section) => section.kind === 'acceptance' && section.criteria.length === 0)
      .map((section) =>
        report(emptyAcceptance.meta, {
          message: 'The Acceptance section has no criteria.',
          place: section.place,
          expected: 'list items such as `- **AC-1 name**: …` with a yaml block',
        }),
      );
  },
};
