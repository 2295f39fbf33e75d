/** Golden parse tests: <name>.md → <name>.ir.json, compared exactly. */
import { describe, expect, test } from 'vitest';
import { parseSpec } from '../../../src/parse/index.js';
import { expectGolden, goldenNames, readGoldenSource } from '../golden.js';

const dir = new URL('./', import.meta.url);
const names = goldenNames(dir);

describe('parse goldens', () => {
  test('there are goldens', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  test.each(names)('%s', (name) => {
    const { spec, diagnostics } = parseSpec(readGoldenSource(dir, name), `test/golden/parse/${name}.md`);
    expect(diagnostics).toEqual([]);
    expectGolden(dir, `${name}.ir.json`, `${JSON.stringify(spec, null, 2)}\n`);
  });
});
