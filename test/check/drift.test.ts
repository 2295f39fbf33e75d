import { describe, expect, test } from 'vitest';
import { checkDrift } from '../../src/check/index.js';
import type { SpecSource } from '../../src/check/index.js';
import { compileSpec, sha256Hex } from '../../src/compile/index.js';
import { spec } from '../compile/spec-fixtures.js';

const SOURCE = '# A sample spec\n';

/** A spec source whose parsed form carries the sha of its text, as the parser's does. */
function specSource(source = SOURCE, fields: Parameters<typeof spec>[0] = {}): SpecSource {
  return { file: 'specs/sample.md', source, spec: spec({ sha256: sha256Hex(source), ...fields }) };
}

const GENERATED = 'generated/sample.test.ts';

describe('checkDrift', () => {
  test('a freshly compiled file is ok', () => {
    const input = specSource();
    const report = checkDrift({
      specs: [input],
      generated: [{ file: GENERATED, text: compileSpec(input.spec!) }],
    });
    expect(report).toEqual({
      clean: true,
      entries: [{ file: GENERATED, spec: 'specs/sample.md', state: 'ok', reason: 'up to date' }],
    });
  });

  test('a changed spec makes the file stale', () => {
    const text = compileSpec(specSource().spec!);
    const report = checkDrift({
      specs: [specSource('# A changed spec\n')],
      generated: [{ file: GENERATED, text }],
    });
    expect(report.clean).toBe(false);
    expect(report.entries.map((entry) => [entry.file, entry.state])).toEqual([[GENERATED, 'stale']]);
  });

  test('an edited body is hand-edited, also when the spec changed too', () => {
    const text = compileSpec(specSource().spec!).replace('answers 200', 'answers 201');
    for (const source of [SOURCE, '# A changed spec\n']) {
      const report = checkDrift({ specs: [specSource(source)], generated: [{ file: GENERATED, text }] });
      expect(report.entries.map((entry) => entry.state)).toEqual(['hand-edited']);
    }
  });

  test('a file whose header was removed is hand-edited when a spec compiles to its path', () => {
    const text = compileSpec(specSource().spec!).split('\n').slice(4).join('\n');
    const report = checkDrift({ specs: [specSource()], generated: [{ file: GENERATED, text }] });
    expect(report.entries.map((entry) => entry.state)).toEqual(['hand-edited']);
  });

  test('a generated file without a spec is orphaned; a spec without a file is missing', () => {
    const other = specSource(SOURCE, { name: 'other', file: 'specs/other.md' });
    const report = checkDrift({
      specs: [{ ...specSource(), file: 'specs/sample.md' }],
      generated: [{ file: 'generated/other.test.ts', text: compileSpec(other.spec!) }],
    });
    expect(report.entries.map((entry) => [entry.file, entry.state])).toEqual([
      ['generated/other.test.ts', 'orphaned'],
      [GENERATED, 'missing'],
    ]);
  });

  test('a compiler change shows as outdated although both hashes match', () => {
    const input = specSource();
    const compiled = compileSpec(input.spec!);
    // What an older compiler might have written: another body, with a header that matches it.
    const body = compiled.split('\n').slice(4).join('\n').replace("from 'vitest';", "from 'vitest'; ");
    const header = compiled.split('\n').slice(0, 3).join('\n');
    const text = `${header}\n// specgate-body-sha256: ${sha256Hex(body)}\n${body}`;
    const report = checkDrift({ specs: [input], generated: [{ file: GENERATED, text }] });
    expect(report.entries.map((entry) => entry.state)).toEqual(['outdated']);
  });

  test('an unparsable spec with matching hashes cannot be regenerated: outdated', () => {
    const input = specSource();
    const text = compileSpec(input.spec!);
    const report = checkDrift({
      specs: [{ file: input.file, source: input.source }],
      generated: [{ file: GENERATED, text }],
    });
    expect(report.entries.map((entry) => entry.state)).toEqual(['outdated']);
  });
});
