import { describe, expect, test } from 'vitest';
import {
  cents,
  evaluateCondition,
  evaluateTemplate,
  evaluateTemplateValue,
  parseTemplate,
} from '../../../src/runtime/expr/index.js';

describe('templates', () => {
  test('a template that is one part yields the raw value', async () => {
    expect(await evaluateTemplate('{{ limit + 1 }}', { limit: 60 })).toBe(61);
    expect(await evaluateTemplate('{{ rows }}', { rows: [2] })).toEqual([2]);
    expect(await evaluateTemplate('{{ {"a": {"b": 1}} }}', {})).toEqual({ a: { b: 1 } });
  });

  test('several parts interpolate as text', async () => {
    expect(await evaluateTemplate('/api/{{ user.id }}?n={{ n }}', { user: { id: 'u1' }, n: 3 })).toBe(
      '/api/u1?n=3',
    );
    expect(await evaluateTemplate('{{ missing }}-x', {})).toBe('-x');
  });

  test('{{{{ writes a literal {{', async () => {
    expect(parseTemplate('a {{{{ b')).toEqual([{ text: 'a {{ b' }]);
    expect(await evaluateTemplate('{{{{ x }}', { x: 1 })).toBe('{{ x }}');
  });

  test('deep evaluation of TemplateValue trees', async () => {
    const value = await evaluateTemplateValue(
      { a: ['{{ n * 2 }}', 'n={{ n }}', 3, null], b: { c: true } },
      { n: 2 },
    );
    expect(value).toEqual({ a: [4, 'n=2', 3, null], b: { c: true } });
  });

  test('$unique gives fresh [a-z0-9] strings, with or without parentheses', async () => {
    const values = await Promise.all(
      Array.from({ length: 50 }, (_, i) => evaluateTemplate(i % 2 ? '{{ $unique() }}' : '{{ $unique }}', {})),
    );
    expect(new Set(values).size).toBe(50);
    for (const value of values) expect(value).toMatch(/^[a-z0-9]+$/);
  });

  test('$jsTrim trims like JavaScript and keeps inner white space; $trim would collapse it', async () => {
    expect(await evaluateTemplate('{{ $jsTrim(s) }}', { s: ' \u00a0a  b\t\n' })).toBe('a  b');
    expect(await evaluateTemplate('{{ $trim(s) }}', { s: ' a  b ' })).toBe('a b');
  });

  test('$cents and $codePoints', async () => {
    expect(await evaluateTemplate('{{ $cents("12.34") }}', {})).toBe(1234);
    expect(await evaluateTemplate('{{ $cents("-0.05") }}', {})).toBe(-5);
    expect(cents('999999999.99')).toBe(99999999999);
    expect(cents('abc')).toBeUndefined();
    expect(await evaluateTemplate('{{ $codePoints("é😀a") }}', {})).toBe(3);
    expect(await evaluateTemplate('{{ $sum([1,2]) + $max([3,9]) }}', {})).toBe(12);
  });

  test('conditions accept bare JSONata and templates', async () => {
    expect(await evaluateCondition('response.status = 200', { response: { status: 200 } })).toBe(true);
    expect(await evaluateCondition('{{ $count($history) = 2 }}', {}, { history: [1, 2] })).toBe(true);
  });

  test('errors name the expression', async () => {
    await expect(evaluateTemplate('{{ $nope( }}', {})).rejects.toThrow(/\$nope\(/);
  });
});
