/**
 * Expected-diagnostic baselines: each test/fixtures/broken/<name>.md must give exactly the
 * `line:column code` lines of <name>.expected.txt, no spec, and printable diagnostics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { parseSpec } from '../../src/parse/index.js';

const dir = new URL('../fixtures/broken/', import.meta.url);
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.slice(0, -'.md'.length))
  .sort();

describe('broken specs', () => {
  test('there are at least 30 broken fixtures, each with its expectations', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    const expectations = readdirSync(dir).filter((file) => file.endsWith('.expected.txt'));
    expect(expectations.length).toBe(names.length);
  });

  test.each(names)('%s', (name) => {
    const source = readFileSync(new URL(`${name}.md`, dir), 'utf8');
    const expected = readFileSync(new URL(`${name}.expected.txt`, dir), 'utf8')
      .trim()
      .split('\n');
    const { spec, diagnostics } = parseSpec(source, `test/fixtures/broken/${name}.md`);

    expect(diagnostics.map((d) => `${d.place.start.line}:${d.place.start.column} ${d.code}`)).toEqual(
      expected,
    );
    expect(spec).toBeUndefined();
    for (const d of diagnostics) {
      const printed = formatDiagnostic(d, source, { color: false });
      expect(printed).not.toContain('    at ');
      expect(printed.split('\n')[0]).toBe(
        `test/fixtures/broken/${name}.md:${d.place.start.line}:${d.place.start.column} ${d.severity} ${d.code} ${d.message}`,
      );
      expect(d.code).not.toBe('SG9001');
    }
  });
});
