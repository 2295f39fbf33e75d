import { describe, expect, test } from 'vitest';
import { colorEnabled } from '../../src/cli/color.js';
import { criterionPattern } from '../../src/cli/commands/test.js';

describe('criterionPattern', () => {
  // vitest matches `<file> <describe> <test>`; these are full names as vitest builds them.
  const names = [
    'generated/svc.test.ts Acceptance AC-1 first: passes.',
    'generated/svc.test.ts Acceptance AC-1: no name.',
    'generated/svc.test.ts Acceptance AC-10 tenth: passes.',
    'generated/svc.test.ts Acceptance AC-3 third: mentions AC-1 in passing.',
    'generated/svc.test.ts Failure Modes FM-1 x: fails.',
  ];

  test('selects the criterion with that id only', () => {
    expect(names.filter((name) => criterionPattern('AC-1').test(name))).toEqual(names.slice(0, 2));
    expect(names.filter((name) => criterionPattern('FM-1').test(name))).toEqual([names[4]]);
  });

  test('treats the id as text, not as a regular expression', () => {
    expect(criterionPattern('A.-1').test('x Acceptance AC-1 a: b')).toBe(false);
  });
});

describe('colorEnabled', () => {
  test.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, true, false],
  ])('env %o, TTY %s → %s', (env, tty, expected) => {
    expect(colorEnabled(env, tty)).toBe(expected);
  });
});
