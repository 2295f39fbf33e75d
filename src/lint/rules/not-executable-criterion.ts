import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** A criterion without a yaml block compiles to `test.todo`: it judges nothing. */
export const notExecutableCriterion: LintRule = {
  meta: {
    id: 'not-executable-criterion',
    code: 'SG6001',
    severity: 'warning',
    description: 'A criterion without a fenced yaml block is not executable: its generated test is a todo.',
  },
  check(spec) {
    return spec.sections
      .flatMap((section) => section.criteria)
      .filter((criterion) => !criterion.check)
      .map((criterion) =>
        report(notExecutableCriterion.meta, {
          message: `Criterion ${criterion.id} is not executable: ${criterion.notExecutable ?? 'it has no yaml block'}.`,
          place: criterion.place,
          expected: 'a fenced ```yaml block with `steps` under the list item',
          hint: 'add the check, or move the item to a prose section if it cannot be tested',
        }),
      );
  },
};
