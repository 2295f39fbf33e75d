import { describe, expect, test } from 'vitest';
import { formatMismatch, matchResponse, matchValue } from '../../../src/runtime/match/index.js';

const BODY = { subset: true, numericStrings: false, scope: { vars: { limit: 60 } } };
const LOOSE = { subset: false, numericStrings: true, scope: { vars: { limit: 60 } } };

async function explain(actual: unknown, expected: unknown, options = BODY): Promise<string[]> {
  return (await matchValue(actual, expected, 'body', options)).map(formatMismatch);
}

describe('plain values', () => {
  test('objects match as subsets, with a path-precise explanation', async () => {
    expect(await explain({ a: 1, extra: true }, { a: 1 })).toEqual([]);
    expect(await explain({ rows: [2] }, { rows: [2, 5] })).toEqual([
      'body.rows: expected [2,5] but found [2]',
    ]);
    expect(await explain({ error: 'x' }, { error: 'rate_limited' })).toEqual([
      'body.error: expected "rate_limited" but found "x"',
    ]);
    expect(await explain({}, { nested: { deep: 1 } })).toEqual([
      'body.nested: expected an object with {"deep":1} but found nothing',
    ]);
    expect(await explain({ list: [{ a: 1, b: 2 }] }, { list: [{ a: 2 }] })).toEqual([
      'body.list[0].a: expected 2 but found 1',
    ]);
  });

  test('templates in expected values see the scope', async () => {
    expect(await explain({ n: 60 }, { n: '{{ vars.limit }}' })).toEqual([]);
  });

  test('numeric strings compare as numbers where asked (headers)', async () => {
    expect(await explain('60', 60, LOOSE)).toEqual([]);
    expect(await explain('60', 60, BODY)).toHaveLength(1);
  });
});

describe('$-operators', () => {
  const cases: Array<[string, unknown, unknown, boolean]> = [
    ['$eq', 3, { $eq: 3 }, true],
    ['$exact rejects extra keys', { a: 1, b: 2 }, { $exact: { a: 1 } }, false],
    ['$oneOf', 'b', { $oneOf: ['a', 'b'] }, true],
    ['$not', 5, { $not: { $gt: 4 } }, false],
    ['$gt with numeric string', '61', { $gt: '{{ vars.limit }}' }, true],
    ['$gte', 1, { $gte: 1 }, true],
    ['$lt', 1, { $lt: 1 }, false],
    ['$lte', 1, { $lte: 1 }, true],
    ['$int in range', '30', { $int: [1, 60] }, true],
    ['$int rejects fractions', 1.5, { $int: [1, 60] }, false],
    ['$matches', 'abc-1', { $matches: '^abc-\\d$' }, true],
    ['$contains substring', 'hello ratelimit', { $contains: 'ratelimit' }, true],
    ['$contains element', [1, 2], { $contains: 3 }, false],
    ['$type integer', 2, { $type: 'integer' }, true],
    ['$type array', {}, { $type: 'array' }, false],
    ['$length', 'é😀', { $length: 2 }, true],
    ['$absent', undefined, { $absent: true }, true],
    ['$present', undefined, { $present: true }, false],
    ['$each', [2, 3], { $each: { $gt: 1 } }, true],
    ['$schema', { a: 'x' }, { $schema: { type: 'object', required: ['a', 'b'] } }, false],
    ['$expr', 7, { $expr: '$ > $vars.limit / 10' }, true],
    ['several operators all hold', 5, { $gt: 1, $lt: 4 }, false],
  ];
  test.each(cases)('%s', async (_name, actual, matcher, holds) => {
    expect((await matchValue(actual, matcher, 'v', LOOSE)).length === 0).toBe(holds);
  });

  test('$each names the failing element', async () => {
    expect(await explain([1, 5], { $each: { $lt: 3 } })).toEqual([
      'body[1]: expected a number < 3 but found 5',
    ]);
  });
});

describe('responses', () => {
  test('status, case-insensitive headers, body and latency', async () => {
    const response = {
      status: 429,
      headers: { 'retry-after': '7' },
      text: '{"error":"rate_limited"}',
      json: { error: 'rate_limited' },
      latency: 12,
    };
    const ok = await matchResponse(
      response,
      {
        status: 429,
        headers: { 'Retry-After': { $int: [1, 60] } },
        body: { error: 'rate_limited' },
        latency: { $lt: 500 },
      },
      {},
    );
    expect(ok).toEqual([]);
    const bad = await matchResponse(
      response,
      { status: 200, headers: { 'X-Missing': { $present: true } } },
      {},
    );
    expect(bad.map(formatMismatch)).toEqual([
      'status: expected 200 but found 429',
      'headers.X-Missing: expected a value but found nothing',
    ]);
  });
});
