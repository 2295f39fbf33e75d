/**
 * Data about PostgreSQL faults shared by the parser and the runtime (like src/toxics.ts, so the
 * parser never imports runtime code).
 */

export type PostgresFaultType = 'terminate' | 'lock' | 'serialization_failure';

/** Keys each fault takes beyond `service`, `postgres` and `name`; `table` is required where listed. */
export const POSTGRES_FAULT_KEYS: Readonly<Record<PostgresFaultType, readonly string[]>> = {
  terminate: [],
  lock: ['table', 'mode', 'for'],
  serialization_failure: ['table', 'times', 'toxicity', 'for'],
};

/** PostgreSQL's table lock modes, as LOCK TABLE spells them (lower case). */
export const LOCK_MODES: readonly string[] = [
  'access share',
  'row share',
  'row exclusive',
  'share update exclusive',
  'share',
  'share row exclusive',
  'exclusive',
  'access exclusive',
];

/** `table` or `schema.table`, unquoted identifiers: what a fault's `table` may name. */
export const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(?:\.[A-Za-z_][A-Za-z0-9_$]*)?$/;
