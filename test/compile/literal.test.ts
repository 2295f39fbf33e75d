import { describe, expect, test } from 'vitest';
import { printLiteral, stringLiteral } from '../../src/compile/literal.js';

const print = (value: Parameters<typeof printLiteral>[0], width = 40) =>
  printLiteral(value, { width, indent: 0 });

describe('stringLiteral', () => {
  test('escapes the line terminators JSON leaves alone', () => {
    expect(stringLiteral('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
    expect(stringLiteral('"\n`${x}`*/')).toBe('"\\"\\n`${x}`*/"');
  });
});

describe('printLiteral', () => {
  test('keeps small containers on one line and the IR key order', () => {
    expect(print({ z: 1, a: [true, null, 'x'] })).toBe('{ z: 1, a: [true, null, "x"] }');
  });

  test('breaks containers that do not fit, two spaces per level', () => {
    const value = {
      steps: [
        { kind: 'send', path: '/api/a-rather-long-path' },
        { kind: 'wait', ms: 100 },
      ],
    };
    expect(print(value, 60)).toBe(
      [
        '{',
        '  steps: [',
        '    { kind: "send", path: "/api/a-rather-long-path" },',
        '    { kind: "wait", ms: 100 },',
        '  ],',
        '}',
      ].join('\n'),
    );
  });

  test('quotes keys that are not identifiers and keeps __proto__ an own property', () => {
    const value = JSON.parse('{"x-user":1,"__proto__":{"polluted":true},"2":3}') as Record<string, unknown>;
    const text = print(value as Parameters<typeof printLiteral>[0], 200);
    expect(text).toBe('{ "2": 3, "x-user": 1, ["__proto__"]: { polluted: true } }');
    const evaluated = new Function(`return ${text};`)() as Record<string, unknown>;
    expect(Object.getPrototypeOf(evaluated)).toBe(Object.prototype);
    expect(Object.keys(evaluated)).toEqual(['2', 'x-user', '__proto__']);
  });

  test('omits undefined members and prints -0, empty containers and non-finite numbers', () => {
    expect(print({ a: undefined, b: -0, c: [], d: {}, e: Infinity })).toBe(
      '{ b: -0, c: [], d: {}, e: Infinity }',
    );
  });
});
