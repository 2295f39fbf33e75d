import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRedis, type RedisServer } from '../support/redis.js';
import { timed, toxic, useProxy, useRedis } from '../support/fixtures.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

const VALUE = Buffer.alloc(200_000, 'b');

test('downstream: a 200 KB reply at 500 KB/s takes about 400 ms, and arrives intact', async () => {
  const proxy = await useProxy(redis.port);
  const client = useRedis(proxy.port);
  await client.connect();
  await client.set('bandwidth:value', VALUE);
  const unlimited = await timed(() => client.getBuffer('bandwidth:value'));
  proxy.addToxic(toxic('bandwidth', { rate: 500 }));
  const limited = await timed(() => client.getBuffer('bandwidth:value'));
  expect(limited.value?.equals(VALUE)).toBe(true);
  expect(unlimited.ms).toBeLessThan(150);
  expect(limited.ms).toBeGreaterThanOrEqual(380);
  expect(limited.ms).toBeLessThan(900);
});

test('upstream: a 200 KB request at 1000 KB/s takes about 200 ms; removal restores full speed', async () => {
  const proxy = await useProxy(redis.port);
  const client = useRedis(proxy.port);
  await client.connect();
  proxy.addToxic(toxic('bandwidth', { rate: 1000 }, { stream: 'upstream' }));
  const limited = await timed(() => client.set('bandwidth:upload', VALUE));
  expect(limited.value).toBe('OK');
  expect(limited.ms).toBeGreaterThanOrEqual(180);
  expect(limited.ms).toBeLessThan(700);
  proxy.removeToxic('bandwidth');
  expect((await timed(() => client.set('bandwidth:upload', VALUE))).ms).toBeLessThan(150);
});
