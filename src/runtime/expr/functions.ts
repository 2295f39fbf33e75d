/**
 * Functions registered on every JSONata expression, beyond JSONata's own.
 * JSONata's `$trim` also collapses inner white space, which is not what specs
 * about "trimmed" text mean, hence `$jsTrim`.
 */
import { randomBytes } from 'node:crypto';
import { JSONATA_BUILTINS } from '../../jsonata-functions.js';

/** Random per process so values never collide with data left by an earlier run. */
const runPrefix = randomBytes(4).readUInt32BE(0).toString(36).padStart(6, '0').slice(-6);
let uniqueCounter = 0;

/** A short `[a-z0-9]` string that no other call in this process returns. */
export function unique(): string {
  uniqueCounter += 1;
  return `${runPrefix}${uniqueCounter.toString(36)}`;
}

export function jsTrim(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}

/** `"12.34"` → 1234, `"-0.5"` → -50; undefined when the string is not a decimal number. */
export function cents(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const match = /^\s*([+-]?)(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  const padded = (fraction + '00').slice(0, 2);
  const rest = fraction.slice(2);
  let result = Number(whole) * 100 + Number(padded);
  // Round half away from zero on the third decimal, as money is usually rounded.
  if (rest.length > 0 && Number(rest[0]) >= 5) result += 1;
  return sign === '-' ? -result : result;
}

/** Length in Unicode code points (JSONata's `$length` counts UTF-16 units). */
export function codePoints(value: unknown): number | undefined {
  return typeof value === 'string' ? [...value].length : undefined;
}

/** The runtime's clock (`performance.now()`, ms): the clock of `sentAt`/`receivedAt` in saved responses. */
export function clock(): number {
  return performance.now();
}

export interface ExtraFunction {
  name: string;
  implementation: (...args: never[]) => unknown;
  signature: string;
}

export const extraFunctions: readonly ExtraFunction[] = [
  { name: 'unique', implementation: unique, signature: '<:s>' },
  { name: 'jsTrim', implementation: jsTrim, signature: '<s-:s>' },
  { name: 'cents', implementation: cents, signature: '<(sn)-:n>' },
  { name: 'codePoints', implementation: codePoints, signature: '<s-:n>' },
  { name: 'clock', implementation: clock, signature: '<:n>' },
];

/** Every function a template or `$expr` may call: JSONata's and the ones above. */
export const FUNCTION_NAMES: ReadonlySet<string> = new Set([
  ...JSONATA_BUILTINS,
  ...extraFunctions.map((fn) => fn.name),
]);
