/**
 * Set difference for `$subsetOf` / `$supersetOf`: which elements of one list are not in
 * another. Elements are compared exactly (objects by their keys and values, in any key order;
 * with numeric strings on, `"7"` and `7` are one element), in linear time, so a check over
 * every row of a table stays cheap.
 */
import { isPlainObject, numericValue } from './equality.js';

function canonical(value: unknown, numericStrings: boolean): string {
  if (typeof value === 'number') return `n:${value}`;
  if (typeof value === 'string') {
    const number = numericStrings ? numericValue(value) : undefined;
    return number === undefined ? `s:${value}` : `n:${number}`;
  }
  return `j:${JSON.stringify(sortKeys(value))}`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

/** A JSONata result as a list: a lone value (a one-element sequence) is a list of one, nothing is empty. */
export function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Elements of `from` (in order, each once) that are not in `without`. */
export function difference(
  from: readonly unknown[],
  without: readonly unknown[],
  numericStrings: boolean,
): unknown[] {
  const excluded = new Set(without.map((item) => canonical(item, numericStrings)));
  const seen = new Set<string>();
  const left: unknown[] = [];
  for (const item of from) {
    const key = canonical(item, numericStrings);
    if (excluded.has(key) || seen.has(key)) continue;
    seen.add(key);
    left.push(item);
  }
  return left;
}
