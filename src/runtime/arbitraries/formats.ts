/** Arbitraries for strings of a given shape: patterns, character sets, URLs, UUIDs, IPs, instants. */
import fc from 'fast-check';
import { charsRegex, patternRegex } from '../../generator-regex.js';

/** The whole string matches `pattern` (a `u`-flag regex: a character is a code point). */
export function patternArbitrary(pattern: string): fc.Arbitrary<string> {
  return fc.stringMatching(patternRegex(pattern));
}

/** `minLength..maxLength` code points, each matching the character class `[chars]`. */
export function charsArbitrary(chars: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.stringMatching(charsRegex(chars, minLength, maxLength));
}

export function urlArbitrary(options: { schemes: string[]; query: boolean; fragment: boolean }) {
  return fc.webUrl({
    validSchemes: options.schemes,
    withQueryParameters: options.query,
    withFragments: options.fragment,
  });
}

type UuidVersion = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export function uuidArbitrary(version?: number): fc.Arbitrary<string> {
  return version === undefined ? fc.uuid() : fc.uuid({ version: version as UuidVersion });
}

export function ipArbitrary(version: 4 | 6): fc.Arbitrary<string> {
  return version === 4 ? fc.ipV4() : fc.ipV6();
}

/** Instants between two canonical ISO 8601 UTC instants, inclusive, to the millisecond. */
export function timestampArbitrary(min: string, max: string): fc.Arbitrary<string> {
  return fc.integer({ min: Date.parse(min), max: Date.parse(max) }).map((ms) => new Date(ms).toISOString());
}
