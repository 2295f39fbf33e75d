import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createRandom, hashParts, unitFromParts } from '../../../src/runtime/faults/random.js';

const part = fc.oneof(fc.string(), fc.integer(), fc.double({ min: 0, max: 2 ** 53, noNaN: true }));

test.prop([fc.array(part, { maxLength: 5 })])('unitFromParts is a pure function into [0, 1)', (parts) => {
  const value = unitFromParts(parts);
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThan(1);
  expect(unitFromParts([...parts])).toBe(value);
});

test.prop([fc.integer(), fc.string({ minLength: 1 })])(
  'the toxic name and the connection change the draw',
  (seed, name) => {
    expect(hashParts([seed, name, 1])).not.toBe(hashParts([seed, name, 2]));
    expect(hashParts([seed, name, 1])).not.toBe(hashParts([seed, `${name}x`, 1]));
  },
);

test.prop([fc.integer({ min: 0, max: 2 ** 32 - 1 })])(
  'createRandom repeats its sequence for a seed',
  (seed) => {
    const a = createRandom(seed);
    const b = createRandom(seed);
    for (let i = 0; i < 20; i++) expect(a()).toBe(b());
  },
);

test('draws over connections are spread evenly enough for toxicity to mean a probability', () => {
  const n = 20_000;
  let hits = 0;
  for (let k = 1; k <= n; k++) if (unitFromParts([1234, 'toxic', k, 'toxicity']) < 0.3) hits++;
  expect(hits / n).toBeGreaterThan(0.28);
  expect(hits / n).toBeLessThan(0.32);
});
