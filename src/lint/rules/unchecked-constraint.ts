import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** A constraint without an id is prose nobody checks: ask which criterion holds the line. */
export const uncheckedConstraint: LintRule = {
  meta: {
    id: 'unchecked-constraint',
    code: 'SG6012',
    severity: 'warning',
    description:
      'Every Constraints item is a criterion (an id and a yaml block): an id-less item is a rule that no test checks.',
  },
  check(spec) {
    return (
      spec.sections
        .filter((section) => section.kind === 'constraints')
        // Items without ids get positional ids (C-n) and compile through phrases when they can;
        // one that does not is still prose nobody checks.
        .flatMap((section) => [
          ...section.items,
          ...section.criteria
            .filter((criterion) => criterion.implicitId && !criterion.check)
            .map((criterion) => ({ text: criterion.prose, place: criterion.place })),
        ])
        .map((item) =>
          report(uncheckedConstraint.meta, {
            message: `Which criterion checks "${item.text.length > 70 ? `${item.text.slice(0, 67)}...` : item.text}"? Give it an id and a yaml block, or fold it into the criterion that does.`,
            place: item.place,
            found: item.text,
            expected: 'an item of the form "**C-n name**: …" with a yaml block',
          }),
        )
    );
  },
};
