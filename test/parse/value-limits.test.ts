/**
 * What the parser refuses by name lists (JSONata's functions, faker's methods) must follow
 * the installed packages, and what it allows next to a refusal stays allowed.
 */
import jsonata from 'jsonata';
import { describe, expect, test } from 'vitest';
import { JSONATA_BUILTINS } from '../../src/jsonata-functions.js';
import { FAKER_METHODS } from '../../src/parse/faker-methods.js';
import { expressionError } from '../../src/parse/templates.js';
import { fakerMethodPaths } from '../../src/runtime/arbitraries/faker.js';

describe('function calls in expressions', () => {
  test('every name of JSONATA_BUILTINS is a function of the installed jsonata', async () => {
    for (const name of JSONATA_BUILTINS) {
      expect(await jsonata(`$type($${name})`).evaluate({}), name).toBe('function');
    }
  });

  test('an unknown function is located at its $', () => {
    expect(expressionError(' 1 + $uper("a")')).toEqual({
      message: expect.stringMatching(/^unknown function \$uper/),
      index: 5,
    });
    expect(expressionError('"a" ~> $shout')?.message).toMatch(/^unknown function \$shout/);
    expect(expressionError('$trimm($)')?.message).toContain('did you mean "trim"?');
  });

  test("JSONata's functions, specgate's and names bound in the expression are known", () => {
    expect(expressionError('$uppercase($jsTrim(x)) & $unique() & $string($clock())')).toBeUndefined();
    expect(expressionError('($f := function($g) { $g(1) }; $f(function($n) { $n + 1 }))')).toBeUndefined();
    expect(expressionError('items ~> $map(function($v) { $v * 2 })')).toBeUndefined();
  });
});

describe('faker methods', () => {
  test('src/parse/faker-methods.ts lists the installed faker (node --import tsx scripts/update-faker-methods.ts)', () => {
    expect([...FAKER_METHODS]).toEqual(fakerMethodPaths());
    expect(FAKER_METHODS.has('person.firstName')).toBe(true);
  });
});
