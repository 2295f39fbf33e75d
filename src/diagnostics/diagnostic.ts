import type { Place } from '../ir.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * The one message type of every stage (parse, lint, compile, check): a stable
 * code from the catalogue, a place, and what was expected versus what was found,
 * so a reader can fix the spec without reading specgate's source.
 */
export interface Diagnostic {
  /** Stable code from `catalogue.ts`, e.g. `SG1003`. Never reused for another meaning. */
  code: string;
  severity: Severity;
  /** One sentence saying what is wrong. */
  message: string;
  place: Place;
  /** What the spec must contain here, e.g. `one of: send, wait, fault`. */
  expected?: string;
  /** What the spec contains here, quoted as written (truncated when long). */
  found?: string;
  /** A concrete fix, e.g. `did you mean "expect"?` */
  hint?: string;
}
