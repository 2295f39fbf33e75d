/**
 * parseSpec is total: whatever the text, it returns diagnostics with places inside the
 * source, never throws, and never reports its own crash (SG9001).
 */
import { readFileSync } from 'node:fs';
import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseSpec } from '../../src/parse/index.js';

const valid = readFileSync(new URL('../fixtures/valid/everything.md', import.meta.url), 'utf8');

function checkTotal(source: string): void {
  const { spec, diagnostics } = parseSpec(source, 'specs/x.md');
  for (const d of diagnostics) {
    expect(d.code).not.toBe('SG9001');
    expect(d.place.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.place.end.offset).toBeLessThanOrEqual(source.length);
    expect(d.place.start.offset).toBeLessThanOrEqual(d.place.end.offset);
  }
  if (diagnostics.some((d) => d.severity === 'error')) expect(spec).toBeUndefined();
}

describe('parseSpec never throws', () => {
  propertyTest.prop([fc.string({ maxLength: 300 })], { numRuns: 100, seed: 7 })(
    'on arbitrary text',
    checkTotal,
  );

  propertyTest.prop(
    [
      fc.integer({ min: 0, max: valid.length }),
      fc.integer({ min: 0, max: 40 }),
      fc.string({ maxLength: 12 }),
    ],
    { numRuns: 150, seed: 11 },
  )('on a valid spec with a slice replaced', (at, length, insert) => {
    checkTotal(valid.slice(0, at) + insert + valid.slice(at + length));
  });
});
