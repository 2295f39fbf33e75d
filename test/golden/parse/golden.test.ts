/**
 * Golden parse tests: <name>.md → <name>.ir.json, compared exactly. Rewrite the goldens with
 * `SPECGATE_UPDATE_GOLDEN=1` (npm run golden:update) and review the diff like code.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSpec } from '../../../src/parse/index.js';

const dir = new URL('./', import.meta.url);
const update = process.env.SPECGATE_UPDATE_GOLDEN === '1';
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.slice(0, -'.md'.length))
  .sort();

describe('parse goldens', () => {
  test('there are goldens', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  test.each(names)('%s', (name) => {
    const source = readFileSync(new URL(`${name}.md`, dir), 'utf8');
    const { spec, diagnostics } = parseSpec(source, `test/golden/parse/${name}.md`);
    expect(diagnostics).toEqual([]);
    const actual = `${JSON.stringify(spec, null, 2)}\n`;
    const goldenUrl = new URL(`${name}.ir.json`, dir);
    if (update) writeFileSync(goldenUrl, actual);
    const golden = readFileSync(goldenUrl, 'utf8');
    expect(actual, `${name}.ir.json is out of date: run npm run golden:update and review the diff`).toBe(golden);
  });
});
