import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { expressionError, splitTemplate } from '../../src/parse/templates.js';

describe('splitTemplate', () => {
  test('splits text and expressions, keeping each expression whole', () => {
    expect(splitTemplate('rl:{{ alice.id }}/x')).toEqual({
      parts: [
        { kind: 'text', text: 'rl:' },
        { kind: 'expression', source: ' alice.id ', start: 5 },
        { kind: 'text', text: '/x' },
      ],
    });
  });

  test('object constructors and strings with braces stay inside one expression', () => {
    expect(splitTemplate('{{ {"a": "}}"} }}').parts).toEqual([
      { kind: 'expression', source: ' {"a": "}}"} ', start: 2 },
    ]);
  });

  test('{{{{ writes a literal {{', () => {
    expect(splitTemplate('a {{{{ b').parts).toEqual([{ kind: 'text', text: 'a {{ b' }]);
  });

  test('an unclosed {{ is located', () => {
    expect(splitTemplate('x {{ y').unterminatedAt).toBe(2);
  });

  propertyTest.prop([fc.string().filter((s) => !s.includes('{'))])(
    'text without braces is one text part',
    (text) => {
      const { parts, unterminatedAt } = splitTemplate(text);
      expect(unterminatedAt).toBeUndefined();
      expect(parts).toEqual(text === '' ? [] : [{ kind: 'text', text }]);
    },
  );
});

describe('expressionError', () => {
  test('accepts valid JSONata and locates errors', () => {
    expect(expressionError(' k + 1 ')).toBeUndefined();
    expect(expressionError('a ]')).toMatchObject({ index: 2 });
    expect(expressionError('  ')).toMatchObject({ message: 'empty expression' });
  });
});
