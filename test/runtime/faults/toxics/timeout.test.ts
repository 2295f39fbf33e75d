import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRedis, type RedisServer } from '../support/redis.js';
import { rejection, timed, toxic, useProxy, useRaw, useRedis } from '../support/fixtures.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

test.each(['downstream', 'upstream'] as const)(
  'on %s, added mid-connection: the client’s own command timeout fires; removing it resumes flow in step',
  async (stream) => {
    const proxy = await useProxy(redis.port);
    const client = useRedis(proxy.port, { commandTimeout: 200 });
    await client.connect();
    await client.set(`timeout:${stream}`, 'before');
    proxy.addToxic(toxic('timeout', {}, { stream }));

    const { ms, value: error } = await timed(() => rejection(() => client.get(`timeout:${stream}`)));
    expect(error.message).toMatch(/Command timed out/);
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(1000);

    proxy.removeToxic('timeout');
    // The held request/reply is delivered late, so the next reply still pairs with its own command.
    expect(await client.echo('after')).toBe('after');
    expect(await client.get(`timeout:${stream}`)).toBe('before');
  },
);

test('closes the connection after `timeout` ms and passes nothing before', async () => {
  const proxy = await useProxy(redis.port);
  proxy.addToxic(toxic('timeout', { timeout: 300 }));
  const raw = await useRaw(proxy.port);
  const start = performance.now();
  raw.socket.write('PING\r\n');
  await raw.closed;
  expect(raw.bytes().length).toBe(0);
  expect(raw.observed.closedAt! - start).toBeGreaterThanOrEqual(280);
  expect(raw.observed.closedAt! - start).toBeLessThan(1500);
});

test('holds a large upload with back-pressure, then delivers it intact once removed', async () => {
  const proxy = await useProxy(redis.port);
  const client = useRedis(proxy.port, { commandTimeout: 20_000 });
  await client.connect();
  proxy.addToxic(toxic('timeout', {}, { stream: 'upstream' }));
  const value = Buffer.alloc(32 * 1024 * 1024, 'x');
  const setting = client.set('timeout:big', value);
  await new Promise((resolve) => setTimeout(resolve, 300));
  // The proxy stopped reading, so the bytes back up into the client's own buffers.
  expect(client.stream.writableLength).toBeGreaterThan(0);
  proxy.removeToxic('timeout');
  expect(await setting).toBe('OK');
  expect(await client.strlen('timeout:big')).toBe(value.length);
});
