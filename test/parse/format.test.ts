import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { CATALOGUE, renderMessage } from '../../src/diagnostics/catalogue.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';

const ESC = String.fromCharCode(27);

const source = ['steps:', '  - send: GET /ping', '    expct: { status: 200 }', ''].join('\n');
const diagnostic: Diagnostic = {
  code: 'SG3004',
  severity: 'error',
  message: 'unknown key "expct" in a send step',
  place: {
    file: 'specs/x.md',
    start: { line: 3, column: 5, offset: 30 },
    end: { line: 3, column: 10, offset: 35 },
  },
  expected: 'one of: send, expect',
  found: 'expct',
  hint: 'did you mean "expect"?',
};

describe('formatDiagnostic', () => {
  test('prints location, severity, code, details and a code frame', () => {
    const text = formatDiagnostic(diagnostic, source, { color: false });
    expect(text.split('\n').slice(0, 4)).toEqual([
      'specs/x.md:3:5 error SG3004 unknown key "expct" in a send step',
      '  expected: one of: send, expect',
      '  found: expct',
      '  hint: did you mean "expect"?',
    ]);
    expect(text).toContain('> 3 |     expct: { status: 200 }');
    expect(text).toContain('|     ^^^^^');
    expect(text).not.toContain(`${ESC}[`);
  });

  test('colours only when asked', () => {
    expect(formatDiagnostic(diagnostic, source, { color: true })).toContain(`${ESC}[`);
  });

  test('a place outside the source prints without a frame', () => {
    const far = {
      ...diagnostic,
      place: { ...diagnostic.place, start: { line: 99, column: 1, offset: 999 } },
    };
    expect(formatDiagnostic(far, source, { color: false }).split('\n')).toHaveLength(4);
  });
});

describe('catalogue', () => {
  test('codes follow the area scheme and render their arguments', () => {
    for (const code of Object.keys(CATALOGUE)) expect(code).toMatch(/^SG[0-79]\d{3}$/);
    expect(renderMessage('SG3004', { key: 'expct', context: 'a send step' })).toBe(diagnostic.message);
  });
});
