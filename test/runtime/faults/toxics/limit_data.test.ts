import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRedis, type RedisServer } from '../support/redis.js';
import { rejection, toxic, useProxy, useRaw, useRedis } from '../support/fixtures.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

test('downstream: the client receives exactly `bytes` bytes, then the connection closes', async () => {
  const proxy = await useProxy(redis.port);
  const setup = useRedis(proxy.port);
  await setup.connect();
  await setup.set('limit:value', 'v'.repeat(100));
  proxy.addToxic(toxic('limit_data', { bytes: 10 }));
  const raw = await useRaw(proxy.port);
  raw.socket.write('GET limit:value\r\n');
  await raw.closed;
  expect(raw.bytes().toString()).toBe('$100\r\nvvvv');
  expect(raw.observed.endedAt).toBeDefined();
});

test('upstream: only the bytes within the limit reach Redis, then the client sees a close', async () => {
  const proxy = await useProxy(redis.port);
  const direct = useRedis(redis.port);
  await direct.connect();
  const command = 'INCR limit:counter\r\n';
  proxy.addToxic(toxic('limit_data', { bytes: command.length }, { stream: 'upstream' }));
  const raw = await useRaw(proxy.port);
  raw.socket.write(command + command);
  await raw.closed;
  expect(raw.observed.error).toBeUndefined();
  await expect.poll(() => direct.get('limit:counter')).toBe('1');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await direct.get('limit:counter')).toBe('1');
});

test('an ioredis client works until the limit, then loses the connection; new clients work after removal', async () => {
  const proxy = await useProxy(redis.port);
  const client = useRedis(proxy.port);
  await client.connect();
  proxy.addToxic(toxic('limit_data', { bytes: 10 }));
  expect(await client.ping()).toBe('PONG');
  const closed = new Promise((resolve) => client.once('close', resolve));
  await rejection(() => client.ping());
  await closed;
  proxy.removeToxic('limit_data');
  const fresh = useRedis(proxy.port);
  await fresh.connect();
  expect(await fresh.ping()).toBe('PONG');
});
