/** Golden compile tests: <name>.md → <name>.test.ts.golden, exact bytes. */
import { describe, expect, test } from 'vitest';
import { compileSpec } from '../../../src/compile/index.js';
import { parseSpec } from '../../../src/parse/index.js';
import { expectGolden, goldenNames, readGoldenSource } from '../golden.js';

const dir = new URL('./', import.meta.url);
const names = goldenNames(dir);

describe('compile goldens', () => {
  test('there are goldens', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  test.each(names)('%s', (name) => {
    const { spec, diagnostics } = parseSpec(readGoldenSource(dir, name), `specs/${name}.md`);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!spec) throw new Error(`${name}.md did not parse`);
    expectGolden(dir, `${name}.test.ts.golden`, compileSpec(spec));
  });
});
