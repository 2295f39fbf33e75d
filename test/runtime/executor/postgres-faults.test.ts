/**
 * End to end from Markdown: faults the PostgreSQL server produces (serialization failure, a
 * held lock, terminated backends) seen by a real command target through node-postgres.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSpec } from '../../../src/parse/index.js';
import { defineSpecSuite } from '../../../src/runtime/index.js';

const FILE = 'test/fixtures/postgres-faults/items.md';
const { spec, diagnostics } = parseSpec(readFileSync(FILE, 'utf8'), FILE);
const suite = defineSpecSuite(spec!);
const criterion = (id: string) =>
  spec!.sections.flatMap((section) => section.criteria).find((candidate) => candidate.id === id)!;

describe('postgres faults from a spec', () => {
  test('the spec parses without diagnostics', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('serialization_failure for the first insert: the target’s retry saves the row', async () => {
    await suite.verify(criterion('FM-1'));
  });

  test('a held lock makes the count wait past its statement timeout; healed, it answers', async () => {
    await suite.verify(criterion('FM-2'));
  });

  test('terminate: the target’s pool loses its connection and the next request works', async () => {
    await suite.verify(criterion('FM-3'));
  });

  test('a wrong expectation fails, the transcript names the lock, and the next run is not blocked', async () => {
    const error = await suite.verify(criterion('FM-4')).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toContain('expected 200');
    expect(error?.message).toContain('add lock: postgres lock: holds access exclusive lock on items');
    // The end of the failed run released the lock: the reset (TRUNCATE) and the next run pass.
    await suite.verify(criterion('AC-1'));
  });
});
