/** Arbitraries for the IR's scalar generators (dates, decimals, slugs). */
import fc from 'fast-check';

const SLUG_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'.split('');
const DAY_MS = 86_400_000;

export function slugArbitrary(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...SLUG_CHARS), minLength, maxLength });
}

export function parseIsoDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`expected a YYYY-MM-DD date, got ${JSON.stringify(text)}`);
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Math.floor(date.getTime() / DAY_MS);
}

export function formatIsoDate(day: number): string {
  const date = new Date(day * DAY_MS);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${year}-${month}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

export function dateArbitrary(min: string, max: string): fc.Arbitrary<string> {
  return fc.integer({ min: parseIsoDate(min), max: parseIsoDate(max) }).map(formatIsoDate);
}

/** Exact decimal strings: an integer number of 10^-scale units, so no floating-point rounding. */
export function decimalArbitrary(min: number, max: number, scale: number): fc.Arbitrary<string> {
  const factor = 10 ** scale;
  return fc
    .integer({ min: Math.ceil(min * factor), max: Math.floor(max * factor) })
    .map((units) => formatUnits(units, scale));
}

export function formatUnits(units: number, scale: number): string {
  const sign = units < 0 ? '-' : '';
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  if (scale === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** min, min + 1, max - 1, max: distinct and inside the range (the edges of a bounded generator). */
export function ladder(min: number, max: number): number[] {
  return [...new Set([min, min + 1, max - 1, max])].filter((n) => n >= min && n <= max);
}
