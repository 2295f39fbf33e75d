import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** Ids given by position change when items are reordered, and reports and `--criterion` follow them. */
export const implicitId: LintRule = {
  meta: {
    id: 'implicit-id',
    code: 'SG6021',
    severity: 'info',
    description:
      'A criterion written without an id gets one by section and position; writing it down keeps it stable when items move.',
  },
  check(spec) {
    return spec.sections
      .flatMap((section) => section.criteria)
      .filter((criterion) => criterion.implicitId)
      .map((criterion) =>
        report(implicitId.meta, {
          message: `This item is ${criterion.id} by its position; reordering the list renumbers it.`,
          place: criterion.place,
          expected: `an id written once, e.g. **${criterion.id}**: at the start of the item`,
        }),
      );
  },
};
