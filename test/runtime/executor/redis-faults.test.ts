/**
 * End to end from Markdown: Redis error replies injected by the fault proxy in front of a real
 * redis-server, seen by a real command target through ioredis.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSpec } from '../../../src/parse/index.js';
import { defineSpecSuite } from '../../../src/runtime/index.js';

const FILE = 'test/fixtures/redis-faults/scores.md';
const { spec, diagnostics } = parseSpec(readFileSync(FILE, 'utf8'), FILE);
const suite = defineSpecSuite(spec!);
const criterion = (id: string) =>
  spec!.sections.flatMap((section) => section.criteria).find((candidate) => candidate.id === id)!;

describe('redis faults from a spec', () => {
  test('the spec parses without diagnostics', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('OOM on ZADD: the target answers 507, nothing is written, and after heal it writes', async () => {
    await suite.verify(criterion('FM-1'));
  });

  test('LOADING for the first ZADD only: the target’s retry succeeds', async () => {
    await suite.verify(criterion('FM-2'));
  });

  test('a wrong expectation fails and the transcript names the fault', async () => {
    const error = await suite.verify(criterion('FM-3')).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toContain('expected 200');
    expect(error?.message).toContain(
      "add readonly: redis -READONLY You can't write against a read only replica.",
    );
  });
});
