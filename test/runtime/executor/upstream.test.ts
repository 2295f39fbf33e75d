/**
 * End to end from Markdown: an HTTP upstream service stood up from the spec's rules, a real
 * command target calling it through the fault proxy, http faults and `expect calls`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSpec } from '../../../src/parse/index.js';
import { defineSpecSuite } from '../../../src/runtime/index.js';

const FILE = 'test/fixtures/upstream/charge.md';
const { spec, diagnostics } = parseSpec(readFileSync(FILE, 'utf8'), FILE);
const suite = defineSpecSuite(spec!);
const criterion = (id: string) =>
  spec!.sections.flatMap((section) => section.criteria).find((candidate) => candidate.id === id)!;

describe('http upstream from a spec', () => {
  test('the spec parses without diagnostics', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(spec!.config.services.provider).toMatchObject({ kind: 'http', env: 'PROVIDER_URL' });
  });

  test('rules answer, calls are recorded and checked by key and body', async () => {
    await suite.verify(criterion('AC-1'));
  });

  test('a 503 fault for the first call: the retry, its key and its backoff are seen', async () => {
    await suite.verify(criterion('FM-1'));
  });

  test('a reset fault for a while, healed: 502 and a metric, then the rules answer again', async () => {
    await suite.verify(criterion('FM-2'));
  });

  test('a wrong call count fails with the calls the upstream received', async () => {
    const error = await suite.verify(criterion('FM-3')).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toContain('expect calls: /charges on provider');
    expect(error?.message).toContain('expected 2 but found 1');
    expect(error?.message).toMatch(
      /received 1 call\(s\) in that time:\n\s+\+\d+ ms POST \/charges \(idempotency-key k-4\)/,
    );
  });
});
