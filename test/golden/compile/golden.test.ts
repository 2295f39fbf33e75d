/**
 * Golden compile tests: <name>.md → <name>.test.ts.golden, exact bytes. Rewrite the goldens with
 * `SPECGATE_UPDATE_GOLDEN=1` (npm run golden:update) and review the diff like code.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileSpec } from '../../../src/compile/index.js';
import { parseSpec } from '../../../src/parse/index.js';

const dir = new URL('./', import.meta.url);
const update = process.env.SPECGATE_UPDATE_GOLDEN === '1';
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.slice(0, -'.md'.length))
  .sort();

describe('compile goldens', () => {
  test('there are goldens', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  test.each(names)('%s', (name) => {
    const source = readFileSync(new URL(`${name}.md`, dir), 'utf8');
    const { spec, diagnostics } = parseSpec(source, `specs/${name}.md`);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!spec) throw new Error(`${name}.md did not parse`);
    const actual = compileSpec(spec);
    const goldenUrl = new URL(`${name}.test.ts.golden`, dir);
    if (update) writeFileSync(goldenUrl, actual);
    const golden = readFileSync(goldenUrl, 'utf8');
    expect(
      actual,
      `${name}.test.ts.golden is out of date: run npm run golden:update and review the diff`,
    ).toBe(golden);
  });
});
