import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** A yaml block with no steps and no invariants passes against any implementation. */
export const emptyCheck: LintRule = {
  meta: {
    id: 'empty-check',
    code: 'SG6004',
    severity: 'warning',
    description: 'An executable criterion has at least one step or invariant, otherwise it cannot fail.',
  },
  check(spec) {
    return spec.sections
      .flatMap((section) => section.criteria)
      .filter(({ check }) => check && check.steps.length === 0 && (check.invariants ?? []).length === 0)
      .map((criterion) =>
        report(emptyCheck.meta, {
          message: `Criterion ${criterion.id} checks nothing: its yaml block has no steps and no invariants.`,
          place: criterion.check?.place ?? criterion.place,
          expected: 'at least one step under `steps`',
        }),
      );
  },
};
