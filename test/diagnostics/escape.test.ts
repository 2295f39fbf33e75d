import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { escapeLine, escapeOutput, escapeText } from '../../src/diagnostics/escape.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';

/* eslint-disable no-control-regex -- the tests look for control characters */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const SGR = /\u001b\[[0-9;]*m/g;
/* eslint-enable no-control-regex */

/** Strings heavy in the characters that matter: controls, separators, bidi overrides, plain text. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0x20 }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0x7f, max: 0xa0 }).map((code) => String.fromCharCode(code)),
    fc.constantFrom('\u2028', '\u2029', '\u202e', '\u2066', '\u2069', '\\', 'x', 'é', '[', '2J', '😀'),
  ),
});

describe('escaping for the terminal', () => {
  test('named and numeric escapes', () => {
    expect(escapeLine('a\nb\rc\td\u001b[2J\u007f\u009b\u202e')).toBe(
      'a\\nb\\rc\\td\\x1b[2J\\x7f\\x9b\\u202e',
    );
    expect(escapeText('one\r\ntwo\n\tthree\u001b]0;title\u0007')).toBe('one\ntwo\n\tthree\\x1b]0;title\\x07');
    expect(escapeLine('plain: é, 😀, \\x1b')).toBe('plain: é, 😀, \\x1b');
  });

  test('a line has no control character left; text keeps only its newlines and tabs', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(escapeLine(text)).not.toMatch(ANY_CONTROL);
        expect(escapeText(text)).not.toMatch(CONTROL_BUT_LINES);
        expect(escapeText(text).split('\n')).toHaveLength(text.replace(/\r\n/g, '\n').split('\n').length);
      }),
    );
  });

  test('printable text is left as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!ANY_CONTROL.test(text));
        expect(escapeLine(text)).toBe(text);
        expect(escapeText(text)).toBe(text);
      }),
    );
  });

  test("output in color keeps specgate's colors and escapes every other sequence", () => {
    const colored = '\u001b[1mspecs/x.md\u001b[22m \u001b[31merror\u001b[39m';
    expect(escapeOutput(`${colored} \u001b[2J\u001b]8;;http://x\u0007`, { colors: true })).toBe(
      `${colored} \\x1b[2J\\x1b]8;;http://x\\x07`,
    );
    expect(escapeOutput(colored, { colors: false })).toBe(
      '\\x1b[1mspecs/x.md\\x1b[22m \\x1b[31merror\\x1b[39m',
    );
    fc.assert(
      fc.property(hostile, (text) => {
        // With the SGR sequences taken out, nothing that drives a terminal is left.
        const rest = escapeOutput(text, { colors: true }).replace(SGR, '');
        expect(rest).not.toMatch(CONTROL_BUT_LINES);
      }),
    );
  });
});

describe('formatDiagnostic', () => {
  const source = ['key: 1', "expect: { 'statuz\u001b[2J': 200, x: 1 }", 'end: 2'].join('\n');
  // The key `'statuz<ESC>[2J'`: columns 11 to 22 (the end, 23, is exclusive).
  const diagnostic: Diagnostic = {
    code: 'SG3004',
    severity: 'error',
    message: 'unknown key "statuz\u001b[2J"',
    place: {
      file: 'specs/a\n$(touch pwned)\u001b[2J.md',
      start: { line: 2, column: 11, offset: 17 },
      end: { line: 2, column: 23, offset: 29 },
    },
    expected: 'one of: status\u0007',
    found: 'statuz\u001b[2J\nforged',
    hint: 'did you mean "status"?\u009b',
  };

  test('prints no control character of the spec or its file name, on or off color', () => {
    for (const color of [false, true]) {
      const text = formatDiagnostic(diagnostic, source, { color });
      const withoutColors = text.replace(SGR, '');
      expect(withoutColors).not.toMatch(CONTROL_BUT_LINES);
      expect(withoutColors).toContain('specs/a\\n$(touch pwned)\\x1b[2J.md:2:11 error SG3004');
      expect(withoutColors).toContain('found: statuz\\x1b[2J\\nforged');
      if (!color) expect(text).not.toContain('\u001b');
    }
  });

  test('the code frame underlines the escaped key, column for column', () => {
    const lines = formatDiagnostic(diagnostic, source, { color: false }).split('\n');
    const marked = lines.findIndex((line) => line.startsWith('  > 2 |'));
    const frameLine = lines[marked]!;
    const underline = lines[marked + 1]!;
    const key = "'statuz\\x1b[2J'";
    expect(frameLine).toContain(key);
    expect(underline.indexOf('^')).toBe(frameLine.indexOf(key));
    expect(underline.trim().replace(/^\|\s*/, '')).toBe('^'.repeat(key.length));
  });
});
