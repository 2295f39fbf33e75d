import { describe, expect, test } from 'vitest';
import { explainOperands } from '../../../src/runtime/expr/index.js';

const scope = {
  uncached: { body: { code: 'AB12' } },
  saved: { body: { code: 'ab12' }, all: [{ status: 200 }, { status: 429 }] },
  vars: { limit: 60 },
  count: 61,
};

describe('explainOperands: the values a failed condition compared', () => {
  test('both sides of a comparison, each evaluated alone', async () => {
    expect(await explainOperands('uncached.body.code = saved.body.code', scope)).toEqual([
      { expression: 'uncached.body.code', value: 'AB12' },
      { expression: 'saved.body.code', value: 'ab12' },
    ]);
  });

  test('every comparison of an and/or chain, literals left out, each operand once', async () => {
    expect(
      await explainOperands(
        "{{ count <= vars.limit * 2 and $count(saved.all) = 3 and count != 'x' }}",
        scope,
      ),
    ).toEqual([
      { expression: 'count', value: 61 },
      { expression: '(vars.limit * 2)', value: 120 },
      { expression: '$count(saved.all)', value: 2 },
    ]);
  });

  test('filters, functions and arrays print back as JSONata; a bare value explains itself', async () => {
    expect(await explainOperands('saved.all[1].status in [200, 201]', scope)).toEqual([
      { expression: 'saved.all[1].status', value: 429 },
      { expression: '[200, 201]', value: [200, 201] },
    ]);
    expect(await explainOperands('$not(saved.body.code = "ab12")', scope)).toEqual([
      { expression: 'saved.body.code', value: 'ab12' },
    ]);
  });

  test('constructs it cannot print, and syntax errors, explain nothing rather than guess', async () => {
    expect(await explainOperands('saved.all.(status * 2) = 3', scope)).toEqual([]);
    expect(await explainOperands('count = = 2', scope)).toEqual([]);
  });
});
