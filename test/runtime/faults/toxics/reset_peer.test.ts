import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRedis, type RedisServer } from '../support/redis.js';
import { nextClientError, rejection, timed, toxic, useProxy, useRaw, useRedis } from '../support/fixtures.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

test.each(['downstream', 'upstream'] as const)(
  'on %s with timeout 0, the next command fails with ECONNRESET; after removal clients work',
  async (stream) => {
    const proxy = await useProxy(redis.port);
    const client = useRedis(proxy.port);
    await client.connect();
    proxy.addToxic(toxic('reset_peer', { timeout: 0 }, { stream }));
    const [socketError, commandError] = await Promise.all([
      nextClientError(client),
      rejection(() => client.ping()),
    ]);
    expect(socketError.code).toBe('ECONNRESET');
    expect(commandError.message).toMatch(/ECONNRESET|Connection is closed/);
    proxy.removeToxic('reset_peer');
    const fresh = useRedis(proxy.port);
    await fresh.connect();
    expect(await fresh.ping()).toBe('PONG');
  },
);

test('a raw client sees ECONNRESET `timeout` ms after the data, and no reply', async () => {
  const proxy = await useProxy(redis.port);
  proxy.addToxic(toxic('reset_peer', { timeout: 300 }));
  const raw = await useRaw(proxy.port);
  const sent = performance.now();
  raw.socket.write('PING\r\n');
  await raw.closed;
  expect(raw.observed.error?.code).toBe('ECONNRESET');
  expect(raw.bytes().length).toBe(0);
  expect(raw.observed.closedAt! - sent).toBeGreaterThanOrEqual(280);
  expect(raw.observed.closedAt! - sent).toBeLessThan(1500);
});

test('an idle connection is not reset until data flows', async () => {
  const proxy = await useProxy(redis.port);
  const raw = await useRaw(proxy.port);
  proxy.addToxic(toxic('reset_peer', { timeout: 0 }));
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(raw.observed.closedAt).toBeUndefined();
  raw.socket.write('PING\r\n');
  await raw.closed;
  expect(raw.observed.error?.code).toBe('ECONNRESET');
});

test('removed before its timeout, the held data flows on and nothing is reset', async () => {
  const proxy = await useProxy(redis.port);
  const client = useRedis(proxy.port);
  await client.connect();
  proxy.addToxic(toxic('reset_peer', { timeout: 2000 }));
  setTimeout(() => proxy.removeToxic('reset_peer'), 100);
  const { ms, value } = await timed(() => client.ping());
  expect(value).toBe('PONG');
  expect(ms).toBeLessThan(1000);
});
