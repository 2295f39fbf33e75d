/**
 * Matching actual values against IR `Matcher`s and plain expected values.
 * Every mismatch carries the path where it was found, so a failure reads
 * `body.rows: expected [2,5] but found [2]`.
 */
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { Matcher } from '../../ir.js';
import {
  evaluateExpression,
  evaluateNumber,
  evaluateTemplate,
  evaluateTemplateValue,
} from '../expr/index.js';
import { FUNCTION_NAMES } from '../expr/functions.js';
import type { Scope } from '../expr/index.js';
import { boundedRegexTest } from './bounded-regex.js';
import { childPath, describeValue } from './describe.js';
import { isPlainObject, numericValue, valuesEqual } from './equality.js';
import type { EqualityOptions } from './equality.js';
import { asList, difference } from './sets.js';

export interface Mismatch {
  path: string;
  expected: string;
  found: string;
}

export interface MatchOptions extends EqualityOptions {
  scope: Scope;
}

export function formatMismatch(mismatch: Mismatch): string {
  return `${mismatch.path}: expected ${mismatch.expected} but found ${mismatch.found}`;
}

/** An object whose keys all start with `$` (and has at least one). */
export function isMatcher(value: unknown): value is Matcher {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key.startsWith('$'));
}

const ajv = new Ajv({ allErrors: true, strict: false });
const schemaCache = new Map<string, ValidateFunction>();

function schemaValidator(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = schemaCache.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    schemaCache.set(key, validate);
  }
  return validate;
}

/** Scope names become `$name` variables of `$expr`, except those of functions (they would shadow them). */
function exprBindings(scope: Scope): Record<string, unknown> {
  const bindings: Record<string, unknown> = { scope };
  for (const [name, value] of Object.entries(scope)) if (!FUNCTION_NAMES.has(name)) bindings[name] = value;
  return bindings;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  return undefined;
}

const COMPARISONS = {
  $gt: { symbol: '>', holds: (a: number, b: number) => a > b },
  $gte: { symbol: '>=', holds: (a: number, b: number) => a >= b },
  $lt: { symbol: '<', holds: (a: number, b: number) => a < b },
  $lte: { symbol: '<=', holds: (a: number, b: number) => a <= b },
} as const;

/** Matches `actual` against a Matcher or a plain expected TemplateValue. */
export async function matchValue(
  actual: unknown,
  expected: unknown,
  path: string,
  options: MatchOptions,
): Promise<Mismatch[]> {
  if (isMatcher(expected)) return matchMatcher(actual, expected, path, options);
  return matchPlain(actual, expected, path, options);
}

async function matchPlain(
  actual: unknown,
  expected: unknown,
  path: string,
  options: MatchOptions,
): Promise<Mismatch[]> {
  if (typeof expected === 'string') {
    const value = await evaluateTemplate(expected, options.scope);
    return valuesEqual(actual, value, options)
      ? []
      : [{ path, expected: describeValue(value), found: describeValue(actual) }];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      const value = await evaluateTemplateValue(expected as never, options.scope);
      return [{ path, expected: describeValue(value), found: describeValue(actual) }];
    }
    const results = await Promise.all(
      expected.map((item, i) => matchValue(actual[i], item, childPath(path, i), options)),
    );
    return results.flat();
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) {
      const value = await evaluateTemplateValue(expected as never, options.scope);
      return [
        {
          path,
          expected: `${options.subset ? 'an object with ' : ''}${describeValue(value)}`,
          found: describeValue(actual),
        },
      ];
    }
    const mismatches: Mismatch[] = [];
    for (const [key, item] of Object.entries(expected)) {
      mismatches.push(...(await matchValue(actual[key], item, childPath(path, key), options)));
    }
    if (!options.subset) {
      for (const key of Object.keys(actual)) {
        if (!(key in expected) && actual[key] !== undefined) {
          mismatches.push({
            path: childPath(path, key),
            expected: 'nothing',
            found: describeValue(actual[key]),
          });
        }
      }
    }
    return mismatches;
  }
  return valuesEqual(actual, expected, options)
    ? []
    : [{ path, expected: describeValue(expected), found: describeValue(actual) }];
}

async function matchMatcher(
  actual: unknown,
  matcher: Matcher,
  path: string,
  options: MatchOptions,
): Promise<Mismatch[]> {
  const { scope } = options;
  const mismatches: Mismatch[] = [];
  const fail = (expected: string) => mismatches.push({ path, expected, found: describeValue(actual) });

  if (matcher.$absent !== undefined && (actual === undefined) !== matcher.$absent) {
    fail(matcher.$absent ? 'nothing (absent)' : 'a value');
  }
  if (matcher.$present !== undefined && (actual !== undefined) !== matcher.$present) {
    fail(matcher.$present ? 'a value' : 'nothing (absent)');
  }
  if (matcher.$eq !== undefined) mismatches.push(...(await matchPlain(actual, matcher.$eq, path, options)));
  if (matcher.$exact !== undefined) {
    const value = await evaluateTemplateValue(matcher.$exact, scope);
    if (!valuesEqual(actual, value, { subset: false, numericStrings: false }))
      fail(`exactly ${describeValue(value)}`);
  }
  if (matcher.$oneOf !== undefined) {
    const values = (await evaluateTemplateValue(matcher.$oneOf, scope)) as unknown[];
    if (!values.some((value) => valuesEqual(actual, value, options))) fail(`one of ${describeValue(values)}`);
  }
  if (matcher.$not !== undefined) {
    const inner = await matchValue(actual, matcher.$not, path, options);
    if (inner.length === 0) fail(`not ${describeValue(matcher.$not)}`);
  }
  for (const [operator, { symbol, holds }] of Object.entries(COMPARISONS)) {
    const bound = matcher[operator as keyof typeof COMPARISONS];
    if (bound === undefined) continue;
    const limit = await evaluateNumber(bound, scope, `${path} ${operator}`);
    const number = numericValue(actual);
    if (number === undefined || !holds(number, limit)) fail(`a number ${symbol} ${limit}`);
  }
  if (matcher.$int !== undefined) {
    const low = await evaluateNumber(matcher.$int[0], scope, `${path} $int`);
    const high = await evaluateNumber(matcher.$int[1], scope, `${path} $int`);
    const number = typeof actual === 'string' && /^\s*[+-]?\d+\s*$/.test(actual) ? Number(actual) : actual;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < low || number > high) {
      fail(`an integer in [${low}, ${high}]`);
    }
  }
  if (matcher.$matches !== undefined) {
    const text = typeof actual === 'number' ? String(actual) : actual;
    if (typeof text !== 'string' || !boundedRegexTest(matcher.$matches, text)) {
      fail(`a string matching /${matcher.$matches}/`);
    }
  }
  if (matcher.$contains !== undefined) {
    const needle = await evaluateTemplateValue(matcher.$contains, scope);
    const found =
      typeof actual === 'string'
        ? actual.includes(typeof needle === 'string' ? needle : JSON.stringify(needle))
        : Array.isArray(actual) && actual.some((item) => valuesEqual(item, needle, options));
    if (!found) fail(`something containing ${describeValue(needle)}`);
  }
  if (matcher.$type !== undefined) {
    const type = typeOf(actual);
    const ok = matcher.$type === 'number' ? typeof actual === 'number' : type === matcher.$type;
    if (!ok) fail(`a value of type ${matcher.$type}`);
  }
  if (matcher.$length !== undefined) {
    const length = lengthOf(actual);
    if (length === undefined) fail('a string or an array (for $length)');
    else mismatches.push(...(await matchValue(length, matcher.$length, `${path}.length`, options)));
  }
  if (matcher.$each !== undefined) {
    if (!Array.isArray(actual)) fail('an array (for $each)');
    else {
      for (const [i, item] of actual.entries()) {
        mismatches.push(...(await matchValue(item, matcher.$each, childPath(path, i), options)));
      }
    }
  }
  for (const operator of ['$subsetOf', '$supersetOf'] as const) {
    if (matcher[operator] === undefined) continue;
    const list = asList(await evaluateTemplateValue(matcher[operator], scope));
    if (!Array.isArray(actual)) {
      fail(`an array (for ${operator})`);
      continue;
    }
    const subset = operator === '$subsetOf';
    const left = subset
      ? difference(actual, list, options.numericStrings)
      : difference(list, actual, options.numericStrings);
    if (left.length > 0) {
      mismatches.push({
        path,
        expected: subset
          ? `only elements of ${describeValue(list)}`
          : `every element of ${describeValue(list)}`,
        found: `${left.length} ${subset ? 'not in that list' : 'missing'}: ${describeValue(left)}`,
      });
    }
  }
  if (matcher.$schema !== undefined) {
    const validate = schemaValidator(matcher.$schema);
    if (!validate(actual)) {
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
      fail(`a value satisfying the schema (${errors.slice(0, 3).join('; ')})`);
    }
  }
  if (matcher.$expr !== undefined) {
    const result = await evaluateExpression(matcher.$expr, actual, exprBindings(scope));
    if (result !== true)
      fail(`a value for which \`${matcher.$expr}\` holds (it gave ${describeValue(result)})`);
  }
  return mismatches;
}
