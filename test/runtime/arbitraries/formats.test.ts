/** Each string-shape generator's values satisfy the constraint it promises, checked independently of how it is built. */
import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Generator } from '../../../src/ir.js';
import { arbitraryFor } from '../../../src/runtime/arbitraries/index.js';

function samples(generator: Generator, numRuns = 200): string[] {
  return fc.sample(arbitraryFor(generator), { numRuns, seed: 42 }) as string[];
}

describe('string-shape generators', () => {
  test('pattern: the whole value matches, whatever the pattern leaves unanchored', () => {
    for (const value of samples({ kind: 'pattern', pattern: '[A-Z]{3}-[0-9]{2,4}' }))
      expect(value).toMatch(/^[A-Z]{3}-[0-9]{2,4}$/);
    for (const value of samples({ kind: 'pattern', pattern: 'ab|cd' })) expect(['ab', 'cd']).toContain(value);
  });

  test('string: code points from the class, the length in code points within bounds', () => {
    const values = samples({ kind: 'string', chars: 'a-c😀é', minLength: 2, maxLength: 5 });
    for (const value of values) {
      const points = [...value];
      expect(points.length).toBeGreaterThanOrEqual(2);
      expect(points.length).toBeLessThanOrEqual(5);
      for (const point of points) expect('abc😀é').toContain(point);
    }
    expect(values.some((value) => value.includes('😀'))).toBe(true);
  });

  test('url: parses as a URL of an allowed scheme, with query and fragment only when asked', () => {
    for (const value of samples({ kind: 'url', schemes: ['https'], query: false, fragment: false })) {
      const url = new URL(value);
      expect(url.protocol).toBe('https:');
      expect(value).not.toMatch(/[?#]/);
    }
    const full = samples({ kind: 'url', schemes: ['http', 'ftp'], query: true, fragment: true });
    for (const value of full) expect(['http:', 'ftp:']).toContain(new URL(value).protocol);
    expect(full.some((value) => value.includes('?'))).toBe(true);
  });

  test('uuid: RFC 9562 layout in lower-case hex, of the asked version', () => {
    const layout = /^[0-9a-f]{8}-[0-9a-f]{4}-([1-8])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const value of samples({ kind: 'uuid', version: 7 })) expect(layout.exec(value)?.[1]).toBe('7');
    for (const value of samples({ kind: 'uuid' })) expect(value).toMatch(layout);
  });

  test('ip: node:net recognises each value as an address of the asked version', () => {
    for (const value of samples({ kind: 'ip', version: 4 })) expect(isIP(value)).toBe(4);
    for (const value of samples({ kind: 'ip', version: 6 })) expect(isIP(value)).toBe(6);
  });

  test('timestamp: canonical ISO 8601 UTC instants within the bounds', () => {
    const [min, max] = ['2024-02-28T23:59:59.000Z', '2024-03-01T00:00:00.500Z'];
    for (const value of samples({ kind: 'timestamp', min, max })) {
      expect(new Date(value).toISOString()).toBe(value);
      expect(Date.parse(value)).toBeGreaterThanOrEqual(Date.parse(min));
      expect(Date.parse(value)).toBeLessThanOrEqual(Date.parse(max));
    }
  });

  test('email: realistic addresses by default, RFC 5322 ones with style any; both have one @ and a dotted domain', () => {
    for (const style of [undefined, 'any'] as const) {
      const generator: Generator = style ? { kind: 'email', style } : { kind: 'email' };
      for (const value of samples(generator, 100)) expect(value).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
    }
  });
});
