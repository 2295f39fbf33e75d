import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** Something a caller or operator can see: a status, a body, a log line, a metric, stored data, an exit. */
const OBSERVABLE =
  /\b(?:[1-5]\d\d|status|answers?|answered|responds?|response|returns?|body|json|header|logs?|logged|logging|metrics?|counter|gauge|stored?|stores|storing|table|rows?|nothing|exit(?:s|\s+code)?|stdout|stderr|allowed|rejected|retried|alert|event|message|ready|fails?\s+(?:open|closed))\b/i;

/** A failure mode the caller cannot observe cannot be checked. */
export const failureModeWithoutObservable: LintRule = {
  meta: {
    id: 'failure-mode-without-observable',
    code: 'SG6007',
    severity: 'warning',
    description:
      'Every failure mode says what the caller observes: a status, a body, a log line, a metric or stored data.',
  },
  check(spec) {
    return spec.sections
      .filter((section) => section.kind === 'failure-modes')
      .flatMap((section) => section.criteria)
      .filter((criterion) => !OBSERVABLE.test(criterion.prose))
      .map((criterion) =>
        report(failureModeWithoutObservable.meta, {
          message: `${criterion.id}: what does the caller observe when this happens: which status, body, log line, metric or stored data?`,
          place: criterion.place,
          expected: 'an observable outcome, e.g. "answers 503 {"error":"unavailable"} and stores nothing"',
          found: criterion.prose.length > 80 ? `${criterion.prose.slice(0, 77)}...` : criterion.prose,
        }),
      );
  },
};
