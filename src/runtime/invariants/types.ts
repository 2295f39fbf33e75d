import type { Invariant } from '../../ir.js';

export interface InvariantViolation {
  invariant: Invariant;
  /** One line per offending entry (at most a few), already explained. */
  details: string[];
  summary: string;
}
