import pg from 'pg';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { startPostgres, type PostgresServer } from './support/postgres.js';
import { rejection, timed, toxic, useProxy } from './support/fixtures.js';

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

function client(port: number, config: pg.ClientConfig = {}): pg.Client {
  const pgClient = new pg.Client({
    host: '127.0.0.1',
    port,
    user: postgres.user,
    password: postgres.password,
    database: 'postgres',
    ...config,
  });
  pgClient.on('error', () => undefined);
  onTestFinished(() => pgClient.end().catch(() => undefined));
  return pgClient;
}

async function connected(port: number, config: pg.ClientConfig = {}): Promise<pg.Client> {
  const pgClient = client(port, config);
  await pgClient.connect();
  return pgClient;
}

describe('PostgreSQL through the fault proxy', () => {
  test('without toxics, queries work', async () => {
    const proxy = await useProxy(postgres.port);
    const pgClient = await connected(proxy.port);
    const result = await pgClient.query<{ n: number }>('select 41 + 1 as n');
    expect(result.rows).toEqual([{ n: 42 }]);
  });

  test('down: connecting is refused (ECONNREFUSED); healed, it works again', async () => {
    const proxy = await useProxy(postgres.port);
    proxy.addToxic(toxic('down'));
    const refused = await rejection(() => client(proxy.port).connect());
    expect(refused.code).toBe('ECONNREFUSED');
    await proxy.removeToxic('down');
    const pgClient = await connected(proxy.port);
    expect((await pgClient.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  test('timeout: the client’s query_timeout fires; removing it lets the connection go on', async () => {
    const proxy = await useProxy(postgres.port);
    const pgClient = await connected(proxy.port, { query_timeout: 300 });
    proxy.addToxic(toxic('timeout'));
    const { ms, value: error } = await timed(() => rejection(() => pgClient.query('select 1')));
    expect(error.message).toMatch(/Query read timeout/);
    expect(ms).toBeGreaterThanOrEqual(290);
    await proxy.removeToxic('timeout');
    const fresh = await connected(proxy.port);
    expect((await fresh.query('select 2 as two')).rows).toEqual([{ two: 2 }]);
  });

  test('timeout: connecting through it hits connectionTimeoutMillis', async () => {
    const proxy = await useProxy(postgres.port);
    proxy.addToxic(toxic('timeout'));
    const { ms, value: error } = await timed(() =>
      rejection(() => client(proxy.port, { connectionTimeoutMillis: 300 }).connect()),
    );
    expect(error.message).toMatch(/timeout/i);
    expect(ms).toBeGreaterThanOrEqual(290);
  });

  test('reset_peer: the query fails with ECONNRESET', async () => {
    const proxy = await useProxy(postgres.port);
    const pgClient = await connected(proxy.port);
    proxy.addToxic(toxic('reset_peer', { timeout: 0 }, { stream: 'upstream' }));
    const error = await rejection(() => pgClient.query('select 1'));
    expect(error.code).toBe('ECONNRESET');
  });

  test('latency: every round trip is slower by the latency', async () => {
    const proxy = await useProxy(postgres.port);
    const pgClient = await connected(proxy.port);
    proxy.addToxic(toxic('latency', { latency: 150 }));
    const { ms } = await timed(() => pgClient.query('select 1'));
    expect(ms).toBeGreaterThanOrEqual(149);
    expect(ms).toBeLessThan(600);
  });

  test('limit_data: a large result cuts the connection off mid-reply', async () => {
    const proxy = await useProxy(postgres.port);
    const pgClient = await connected(proxy.port);
    proxy.addToxic(toxic('limit_data', { bytes: 2000 }));
    const error = await rejection(() => pgClient.query("select repeat('x', 100000) as big"));
    expect(error.message).toMatch(/Connection terminated/);
  });
});
