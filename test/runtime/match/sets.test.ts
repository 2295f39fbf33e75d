import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatMismatch, matchValue } from '../../../src/runtime/match/index.js';
import { difference } from '../../../src/runtime/match/sets.js';

const LOOSE = { subset: false, numericStrings: true, scope: { stored: ['a', 'b'], one: 'a' } };

async function explain(actual: unknown, expected: unknown): Promise<string[]> {
  return (await matchValue(actual, expected, 'keys', LOOSE)).map(formatMismatch);
}

describe('$subsetOf and $supersetOf name the set difference', () => {
  test('subset: elements not in the list are named, each once, in order', async () => {
    expect(await explain(['b', 'a'], { $subsetOf: '{{ stored }}' })).toEqual([]);
    expect(await explain([], { $subsetOf: [] })).toEqual([]);
    expect(await explain(['a', 'z', 'y', 'z'], { $subsetOf: '{{ stored }}' })).toEqual([
      'keys: expected only elements of ["a","b"] but found 2 not in that list: ["z","y"]',
    ]);
  });

  test('superset: missing elements are named', async () => {
    expect(await explain(['a', 'b', 'c'], { $supersetOf: ['a', 'b'] })).toEqual([]);
    expect(await explain(['a'], { $supersetOf: '{{ stored }}' })).toEqual([
      'keys: expected every element of ["a","b"] but found 1 missing: ["b"]',
    ]);
  });

  test('a lone JSONata value is a list of one; numbers and numeric strings are one element; objects by value', async () => {
    expect(await explain(['a'], { $subsetOf: '{{ one }}' })).toEqual([]);
    expect(await explain(['7', 8], { $subsetOf: [7, '8'] })).toEqual([]);
    expect(await explain([{ a: 1, b: 2 }], { $subsetOf: [{ b: 2, a: 1 }] })).toEqual([]);
    expect(await explain([{ a: 1 }], { $subsetOf: [{ a: 1, b: 2 }] })).toHaveLength(1);
  });

  test('the actual value must be an array', async () => {
    expect(await explain('a', { $subsetOf: ['a'] })).toEqual([
      'keys: expected an array (for $subsetOf) but found "a"',
    ]);
  });

  test('difference agrees with a naive definition (property)', () => {
    const element = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('a', 'b', '3'));
    fc.assert(
      fc.property(fc.array(element), fc.array(element), (from, without) => {
        const naive = from.filter((x, i) => !without.includes(x) && from.indexOf(x) === i);
        expect(difference(from, without, false)).toEqual(naive);
      }),
    );
  });
});
