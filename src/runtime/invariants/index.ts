/** Checks a run's invariants over its recorded history. */
import type { Invariant } from '../../ir.js';
import type { Scope } from '../expr/index.js';
import type { History } from '../history/index.js';
import { checkEach } from './each.js';
import { checkRollingWindow } from './rolling-window.js';
import type { InvariantViolation } from './types.js';

export { checkEach } from './each.js';
export { checkRollingWindow, windowCount } from './rolling-window.js';
export type { InvariantViolation } from './types.js';

export async function checkInvariants(
  invariants: readonly Invariant[],
  history: History,
  scope: Scope,
): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const invariant of invariants) {
    const violation =
      invariant.kind === 'rolling-window'
        ? await checkRollingWindow(invariant, history.requests(), scope, history.startedAt)
        : await checkEach(invariant, history.entries);
    if (violation) violations.push(violation);
  }
  return violations;
}
