import { unprovenFailureMode } from '../fault-evidence.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** A failure mode about a dependency failing whose steps never make it fail is no evidence. */
export const failureModeWithoutFault: LintRule = {
  meta: {
    id: 'failure-mode-without-fault',
    code: 'SG6019',
    severity: 'warning',
    description:
      'A failure mode that says a dependency fails injects that failure: a fault, a kill, a pause or a restart.',
  },
  check(spec) {
    return spec.sections
      .filter((section) => section.kind === 'failure-modes')
      .flatMap((section) => section.criteria)
      .flatMap((criterion) => {
        const unproven = unprovenFailureMode(spec, criterion);
        if (!unproven || !criterion.check) return [];
        return [
          report(failureModeWithoutFault.meta, {
            message: `${criterion.id} says "${unproven.outage}" but no step makes ${unproven.dependency} fail: which fault?`,
            place: criterion.check.place,
            expected: `a step that breaks ${unproven.dependency}, e.g. \`- fault: { service: …, toxic: down }\` or \`- kill: …\``,
            found: 'steps that inject no fault and stop no service or process',
          }),
        ];
      });
  },
};
