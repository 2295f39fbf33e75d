/**
 * Faults the PostgreSQL server produces (src/runtime/services/postgres-faults.ts), against a real
 * embedded PostgreSQL: the target connects through the fault proxy, the harness directly.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { createPostgresFaults } from '../../../src/runtime/services/postgres-faults.js';
import type { FaultProxy, PostgresFaultSpec } from '../../../src/runtime/types.js';
import { startPostgres, type PostgresServer } from './support/postgres.js';
import { rejection, timed, useProxy } from './support/fixtures.js';

let postgres: PostgresServer;
let directUrl: string;
beforeAll(async () => {
  postgres = await startPostgres();
  directUrl = `postgres://${postgres.user}:${postgres.password}@127.0.0.1:${postgres.port}/postgres`;
}, 120_000);
afterAll(() => postgres?.stop());

async function connected(port: number, config: pg.ClientConfig = {}): Promise<pg.Client> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: postgres.user,
    password: postgres.password,
    database: 'postgres',
    ...config,
  });
  client.on('error', () => undefined);
  onTestFinished(() => client.end().catch(() => undefined));
  await client.connect();
  return client;
}

function fault(
  type: PostgresFaultSpec['type'],
  overrides: Partial<PostgresFaultSpec> = {},
): PostgresFaultSpec {
  return { name: type, type, toxicity: 1, ...overrides };
}

async function table(name: string): Promise<void> {
  const admin = await connected(postgres.port);
  await admin.query(`DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (id int primary key, note text)`);
}

async function setup(): Promise<{ proxy: FaultProxy; faults: ReturnType<typeof createPostgresFaults> }> {
  const proxy = await useProxy(postgres.port);
  const faults = createPostgresFaults(directUrl, proxy);
  onTestFinished(async () => {
    for (const active of faults.faults()) await faults.remove(active.name);
  });
  return { proxy, faults };
}

describe('postgres faults', () => {
  test('terminate ends every backend of the target and none of the harness’s', async () => {
    const { proxy, faults } = await setup();
    const targets = [await connected(proxy.port), await connected(proxy.port)];
    const harness = await connected(postgres.port);
    const ended = targets.map((client) => new Promise((resolve) => client.once('error', resolve)));

    const done = await faults.add(fault('terminate'), 1);
    expect(done).toMatch(/^terminated 2 backend\(s\) of the target \(pids \d+, \d+\)$/);
    const errors = (await Promise.all(ended)) as Error[];
    for (const error of errors) expect(error.message).toMatch(/terminat/);
    for (const client of targets) await expect(client.query('SELECT 1')).rejects.toThrow();
    expect((await harness.query('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
    // A new connection of the target works: the server is up, only its backends went.
    expect((await (await connected(proxy.port)).query('SELECT 2 AS n')).rows).toEqual([{ n: 2 }]);
    expect(faults.faults()).toEqual([]);
  });

  test('terminate with no target connection terminates nothing', async () => {
    const { faults } = await setup();
    const harness = await connected(postgres.port);
    expect(await faults.add(fault('terminate'), 1)).toBe(
      'terminated no backend (the target holds no connection)',
    );
    expect((await harness.query('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
  });

  test('lock: the target’s statement waits past its own timeout; removed, statements run again', async () => {
    await table('locked_items');
    const { proxy, faults } = await setup();
    const target = await connected(proxy.port, { statement_timeout: 300 });
    expect(await faults.add(fault('lock', { table: 'locked_items' }), 1)).toBe(
      'holds access exclusive lock on locked_items',
    );
    const { ms, value: error } = await timed(() =>
      rejection(() => target.query('SELECT count(*) FROM locked_items')),
    );
    expect(error.message).toMatch(/statement timeout/);
    expect(ms).toBeGreaterThanOrEqual(280);
    expect(await faults.remove('lock')).toBe(true);
    expect((await target.query('SELECT count(*)::int AS n FROM locked_items')).rows).toEqual([{ n: 0 }]);
  });

  test('lock in share mode: reads go on, writes wait until the fault is removed', async () => {
    await table('shared_items');
    const { proxy, faults } = await setup();
    const target = await connected(proxy.port);
    await faults.add(fault('lock', { table: 'shared_items', mode: 'share' }), 1);
    expect((await target.query('SELECT count(*)::int AS n FROM shared_items')).rows).toEqual([{ n: 0 }]);
    let inserted = false;
    const insert = target.query("INSERT INTO shared_items VALUES (1, 'a')").then(() => (inserted = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inserted).toBe(false);
    await faults.remove('lock');
    await insert;
    expect(inserted).toBe(true);
  });

  test('lock on a table that does not exist fails, naming it', async () => {
    const { faults } = await setup();
    await expect(faults.add(fault('lock', { table: 'no_such_table' }), 1)).rejects.toThrow(
      /could not lock no_such_table: relation "no_such_table" does not exist/,
    );
    expect(faults.faults()).toEqual([]);
  });

  test('serialization_failure: the first N writes fail with 40001, then writes pass; removed, no trace left', async () => {
    await table('ledger');
    const { proxy, faults } = await setup();
    const target = await connected(proxy.port);
    await faults.add(fault('serialization_failure', { table: 'ledger', times: 2 }), 1);
    const outcomes: string[] = [];
    for (let id = 1; id <= 3; id++) {
      outcomes.push(
        await target.query('INSERT INTO ledger VALUES ($1, $2)', [id, 'x']).then(
          () => 'ok',
          (error: pg.DatabaseError) => `${error.code} ${error.message}`,
        ),
      );
    }
    const failure = '40001 could not serialize access due to concurrent update';
    expect(outcomes).toEqual([failure, failure, 'ok']);
    // Reads are not statements the trigger sees.
    expect((await target.query('SELECT id FROM ledger')).rows).toEqual([{ id: 3 }]);
    await faults.remove('serialization_failure');
    await target.query("INSERT INTO ledger VALUES (4, 'y')");
    const admin = await connected(postgres.port);
    const { rows } = await admin.query(
      "SELECT (SELECT count(*)::int FROM pg_trigger WHERE tgname LIKE 'specgate_fault_%') AS triggers, (SELECT count(*)::int FROM pg_proc WHERE proname LIKE 'specgate_fault_%') AS functions, (SELECT count(*)::int FROM pg_class WHERE relname LIKE 'specgate_fault_%') AS sequences",
    );
    expect(rows).toEqual([{ triggers: 0, functions: 0, sequences: 0 }]);
  });

  test('serialization_failure with toxicity: the same seed fails the same statements', async () => {
    await table('draws');
    const pattern = async (seed: number): Promise<boolean[]> => {
      const { proxy, faults } = await setup();
      const target = await connected(proxy.port);
      await target.query('TRUNCATE draws');
      await faults.add(fault('serialization_failure', { table: 'draws', toxicity: 0.5 }), seed);
      const failed: boolean[] = [];
      for (let id = 0; id < 30; id++)
        failed.push(
          await target.query('INSERT INTO draws VALUES ($1)', [id]).then(
            () => false,
            () => true,
          ),
        );
      await faults.remove('serialization_failure');
      return failed;
    };
    const first = await pattern(3);
    expect(await pattern(3)).toEqual(first);
    expect(first.filter(Boolean).length).toBeGreaterThan(5);
    expect(first.filter(Boolean).length).toBeLessThan(25);
  });
});
