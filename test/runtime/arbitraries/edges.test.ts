import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Generator } from '../../../src/ir.js';
import { arbitraryFor, dateEdges, edgesOf, forAllEdges } from '../../../src/runtime/arbitraries/index.js';

const edges = (generator: Generator, seed = 1) => edgesOf(generator, seed, arbitraryFor).values;

describe('edges tried first', () => {
  test('a slug yields its minimum and maximum lengths and their neighbours', () => {
    const values = edges({ kind: 'slug', minLength: 1, maxLength: 64 }) as string[];
    expect(values.map((v) => v.length)).toEqual([1, 2, 63, 64]);
    for (const v of values) expect(v).toMatch(/^[A-Za-z0-9_-]+$/);
  });
  test('integers, decimals and list sizes hit their bounds', () => {
    expect(edges({ kind: 'integer', min: -3, max: 3 })).toEqual([-3, -2, 2, 3]);
    expect(edges({ kind: 'decimal', min: 0, max: 1, scale: 2 })).toEqual(['0.00', '0.01', '0.99', '1.00']);
    const lists = edges({
      kind: 'list',
      of: { kind: 'integer', min: 0, max: 2 },
      minLength: 100,
      maxLength: 200,
      unique: false,
    });
    expect((lists as unknown[][]).map((l) => l.length)).toEqual([100, 101, 199, 200]);
  });
  test('dates include the calendar edges inside the range', () => {
    const dates = dateEdges('1890-01-01', '2110-12-31');
    for (const d of [
      '1890-01-01',
      '2110-12-31',
      '2000-02-29',
      '1900-02-28',
      '1900-03-01',
      '2100-02-28',
      '2100-03-01',
    ])
      expect(dates).toContain(d);
    expect(dates).not.toContain('1900-02-29');
    expect(dateEdges('0001-01-01', '9999-12-31')).toEqual(
      expect.arrayContaining(['0001-01-01', '9999-12-31']),
    );
  });
  test('text includes the empty string, the maximum length, non-BMP and combining characters, NBSP and tab', () => {
    const values = edges({
      kind: 'text',
      minLength: 0,
      maxLength: 40,
      style: 'any',
      specials: true,
    }) as string[];
    expect(values).toContain('');
    expect(values.some((v) => [...v].length === 40)).toBe(true);
    for (const c of ['😀', '\u0301', '\u00a0', '\t']) expect(values.some((v) => v.includes(c))).toBe(true);
  });
  test('an always value appears in every run set, first', () => {
    for (const seed of [1, 2, 3]) {
      const records = forAllEdges({ n: { kind: 'integer', min: 0, max: 100, always: [64] } }, seed).values;
      expect(records[0]).toEqual({ n: 64 });
    }
  });
  test('two fields of one generator differ in every edge record, and a seed replays them', () => {
    const forAll: Record<string, Generator> = {
      a: { kind: 'slug', minLength: 1, maxLength: 64 },
      b: { kind: 'slug', minLength: 1, maxLength: 64 },
      e: { kind: 'email' },
    };
    const first = forAllEdges(forAll, 42);
    for (const r of first.values as Array<Record<string, unknown>>) expect(r['a']).not.toEqual(r['b']);
    expect(forAllEdges(forAll, 42).values).toEqual(first.values);
    expect(first.tried).toEqual([
      'a: length 1, length 2, length 63, length 64',
      'b: length 1, length 2, length 63, length 64',
    ]);
  });
  test('fast-check runs the edge records first', () => {
    const forAll: Record<string, Generator> = { id: { kind: 'slug', minLength: 1, maxLength: 64 } };
    const seen: number[] = [];
    fc.assert(
      fc.property(
        fc.record({ id: arbitraryFor(forAll['id']!) }),
        (v) => void seen.push((v.id as string).length),
      ),
      {
        numRuns: 6,
        seed: 5,
        examples: forAllEdges(forAll, 5).values.map((v) => [v as { id: unknown }] as [{ id: unknown }]),
      },
    );
    expect(seen.slice(0, 4)).toEqual([1, 2, 63, 64]);
  });
});
