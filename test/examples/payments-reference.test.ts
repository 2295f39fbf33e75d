/**
 * The payments reference against its contract, before and beside the spec: a real PostgreSQL
 * (the runtime's service, behind its fault proxy) and a small real card provider. If the
 * reference were wrong here, the variants' verdicts would mean nothing.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createPaymentsApp } from '../../examples/payments/app.js';
import type { PaymentsApp } from '../../examples/payments/app.js';
import { createTempDir, removeTempDir } from '../../src/runtime/process/index.js';
import { startService } from '../../src/runtime/services/index.js';
import type { RunningService } from '../../src/runtime/types.js';
import { startCardProviderStub } from './support/card-provider-stub.js';
import type { CardProviderStub } from './support/card-provider-stub.js';

let tempRoot: string;
let db: RunningService;
let provider: CardProviderStub;
let app: PaymentsApp;
let server: Server;
let base: string;
let logs: string[];

beforeAll(async () => {
  tempRoot = await createTempDir('payments-reference');
  db = await startService('db', { kind: 'postgres', env: 'DATABASE_URL' }, { tempRoot, seed: 1 });
  provider = await startCardProviderStub();
});
afterAll(async () => {
  await provider?.close();
  await db?.stop();
  await removeTempDir(tempRoot);
});

beforeEach(async () => {
  logs = [];
  provider.calls.length = 0;
  provider.script({ kind: 'charge' });
  app = createPaymentsApp({
    databaseUrl: db.proxiedUrl,
    providerUrl: provider.url,
    logger: { info: (line) => logs.push(`INFO ${line}`), warn: (line) => logs.push(`WARN ${line}`) },
  });
  server = createServer(app.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The table exists once the first request went through.
  await fetch(`${base}/payments/none`);
});
afterEach(async () => {
  db.proxy.removeAll();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.close();
  await db.reset();
});

interface Answer {
  status: number;
  text: string;
  body: Record<string, unknown>;
  ms: number;
}

async function pay(key: string | undefined, body: unknown): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${base}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: JSON.parse(text) as Record<string, unknown>,
    ms: performance.now() - started,
  };
}

async function rows(): Promise<
  Array<{ id: string; idempotency_key: string; status: string; charge: string | null }>
> {
  const client = new pg.Client({ connectionString: db.directUrl });
  await client.connect();
  try {
    return (
      await client.query('SELECT id, idempotency_key, status, charge FROM payments ORDER BY created_at')
    ).rows;
  } finally {
    await client.end();
  }
}

async function providerErrors(): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('payments_provider_errors_total '));
  return Number(line?.split(' ')[1]);
}

const order = { amount_cents: 1250, currency: 'EUR', customer: 'cust_1' };

describe('payments reference', () => {
  test('charges once, replays byte for byte, and reads back', async () => {
    const first = await pay('key-1', order);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/.+/),
      status: 'succeeded',
      charge: 'ch_1',
      amount_cents: 1250,
      currency: 'EUR',
    });
    const replay = await pay('key-1', order);
    expect([replay.status, replay.text]).toEqual([201, first.text]);
    expect(provider.calls).toHaveLength(1);
    expect(provider.calls[0]!.headers['idempotency-key']).toBe('key-1');
    expect(provider.calls[0]!.body).toEqual({
      amount_cents: 1250,
      currency: 'EUR',
      reference: first.body.id,
    });
    const read = await fetch(`${base}/payments/${String(first.body.id)}`);
    expect([read.status, await read.text()]).toEqual([200, first.text]);
    expect((await fetch(`${base}/payments/pay_unknown`)).status).toBe(404);
  });

  test('ten concurrent requests on one key: one provider call, one outcome, the rest 409', async () => {
    provider.script({ kind: 'charge', delayMs: 400 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => pay('key-c', order)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers.find((a) => a.status === 409)!.body).toEqual({ error: 'in_progress' });
    expect(provider.calls).toHaveLength(1);
  });

  test('the row is pending while the provider is being called', async () => {
    provider.script({ kind: 'charge', delayMs: 600 });
    const answer = pay('key-p', order);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rows()).toMatchObject([{ idempotency_key: 'key-p', status: 'pending', charge: null }]);
    expect((await answer).status).toBe(201);
    expect(await rows()).toMatchObject([{ status: 'succeeded', charge: 'ch_1' }]);
  });

  test('bad requests: 400 without a key, 422 naming the first bad field, nothing written or charged', async () => {
    expect((await pay(undefined, order)).body).toEqual({ error: 'missing_idempotency_key' });
    expect((await pay('a b', order)).status).toBe(400);
    expect((await pay('x'.repeat(256), order)).status).toBe(400);
    expect(await pay('k', { ...order, amount_cents: 0 })).toMatchObject({
      status: 422,
      body: { error: 'invalid_payment', field: 'amount_cents' },
    });
    expect((await pay('k', { ...order, currency: 'JPY', customer: '' })).body).toEqual({
      error: 'invalid_payment',
      field: 'currency',
    });
    expect((await pay('k', { ...order, customer: 'a'.repeat(65) })).body.field).toBe('customer');
    expect((await pay('k', 'not json')).status).toBe(422);
    expect(await rows()).toEqual([]);
    expect(provider.calls).toHaveLength(0);
  });

  test('a key reused with another body is 422, even for another customer (keys are global)', async () => {
    expect((await pay('key-r', order)).status).toBe(201);
    expect((await pay('key-r', { ...order, amount_cents: 1251 })).body).toEqual({
      error: 'idempotency_key_reused',
    });
    expect((await pay('key-r', { ...order, customer: 'cust_2' })).status).toBe(422);
    expect(provider.calls).toHaveLength(1);
  });

  test('a provider timeout: 502 pending within 2.5 s, one warning, the metric; the replay completes it', async () => {
    provider.script({ kind: 'silent' }, { kind: 'charge' });
    const before = await providerErrors();
    const failed = await pay('key-t', order);
    expect(failed.status).toBe(502);
    expect(failed.body).toEqual({ id: expect.any(String), status: 'pending', error: 'provider_unavailable' });
    expect(failed.ms).toBeLessThan(2_500);
    expect(await rows()).toMatchObject([{ status: 'pending' }]);
    expect(logs.filter((line) => line.startsWith('WARN') && line.includes('provider'))).toHaveLength(1);
    expect(await providerErrors()).toBe(before + 1);

    const replay = await pay('key-t', order);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(failed.body.id);
    expect(provider.calls.map((c) => c.headers['idempotency-key'])).toEqual(['key-t', 'key-t']);
    expect(await rows()).toMatchObject([{ status: 'succeeded' }]);
  });

  test('a reset connection is 502 pending too', async () => {
    provider.script({ kind: 'reset' });
    expect((await pay('key-x', order)).body).toMatchObject({
      status: 'pending',
      error: 'provider_unavailable',
    });
  });

  test('a 503 is retried once after 100 ms with the same key; two are 502', async () => {
    provider.script({ kind: 'status', status: 503 }, { kind: 'charge' });
    expect((await pay('key-5', order)).status).toBe(201);
    expect(provider.calls.map((c) => c.headers['idempotency-key'])).toEqual(['key-5', 'key-5']);
    expect(provider.calls[1]!.at - provider.calls[0]!.at).toBeGreaterThanOrEqual(95);

    provider.calls.length = 0;
    provider.script({ kind: 'status', status: 500 });
    expect((await pay('key-55', order)).status).toBe(502);
    expect(provider.calls).toHaveLength(2);
  });

  test('a decline is 402, not retried, and replayed', async () => {
    provider.script({ kind: 'decline' });
    const declined = await pay('key-d', order);
    expect(declined.status).toBe(402);
    expect(declined.body).toEqual({ id: expect.any(String), status: 'declined' });
    const replay = await pay('key-d', order);
    expect([replay.status, replay.text]).toEqual([402, declined.text]);
    expect(provider.calls).toHaveLength(1);
    expect(await rows()).toMatchObject([{ status: 'declined' }]);
  });

  test('PostgreSQL down: 503 without a provider call; back within a second', async () => {
    const paid = await pay('key-before', order);
    db.proxy.addToxic({ name: 'down', type: 'down', stream: 'downstream', toxicity: 1, attributes: {} });
    expect(await pay('key-db', order)).toMatchObject({ status: 503, body: { error: 'unavailable' } });
    const read = await fetch(`${base}/payments/${String(paid.body.id)}`);
    expect(read.status).toBe(503);
    expect(provider.calls).toHaveLength(1);
    db.proxy.removeAll();
    const healed = performance.now();
    let answer = await pay('key-db', order);
    while (answer.status !== 201 && performance.now() - healed < 1_000) answer = await pay('key-db', order);
    expect(answer.status).toBe(201);
  });
});
