/** Equality as specs mean it: deep, optionally subset for objects, optionally numeric for numeric strings. */

export interface EqualityOptions {
  /** Plain objects match when every expected key matches (extra actual keys allowed). */
  subset: boolean;
  /** `"60"` equals `60` (headers, stdout, text). */
  numericStrings: boolean;
}

const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** The number a value stands for: numbers, and strings holding a decimal number. */
export function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && DECIMAL.test(value)) return Number(value);
  return undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valuesEqual(actual: unknown, expected: unknown, options: EqualityOptions): boolean {
  if (Object.is(actual, expected)) return true;
  if (options.numericStrings && (typeof actual === 'string') !== (typeof expected === 'string')) {
    const a = numericValue(actual);
    const e = numericValue(expected);
    if (a !== undefined && e !== undefined) return a === e;
  }
  if (typeof actual === 'number' && typeof expected === 'number') return actual === expected;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => valuesEqual(actual[i], item, options))
    );
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return false;
    const expectedKeys = Object.keys(expected).filter((key) => expected[key] !== undefined);
    if (!options.subset) {
      const actualKeys = Object.keys(actual).filter((key) => actual[key] !== undefined);
      if (actualKeys.length !== expectedKeys.length) return false;
    }
    return expectedKeys.every((key) => key in actual && valuesEqual(actual[key], expected[key], options));
  }
  return false;
}
