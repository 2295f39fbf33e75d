import { afterAll, beforeAll, expect, test } from 'vitest';
import { connectError } from '../support/sockets.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { nextClientError, rejection, toxic, useProxy, useRaw, useRedis } from '../support/fixtures.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

test('a client gets ECONNREFUSED and open connections close; healing listens on the same port', async () => {
  const proxy = await useProxy(redis.port);
  const port = proxy.port;
  const open = await useRaw(port);
  proxy.addToxic(toxic('down'));
  await open.closed;
  expect(open.bytes().length).toBe(0);

  const refusedClient = useRedis(port);
  const [refused, rejected] = await Promise.all([
    nextClientError(refusedClient),
    rejection(() => refusedClient.connect()),
  ]);
  expect(refused.code).toBe('ECONNREFUSED');
  expect(rejected.message).toMatch(/Connection is closed/);

  await proxy.removeToxic('down');
  expect(proxy.port).toBe(port);
  const healed = useRedis(port);
  await healed.connect();
  expect(await healed.ping()).toBe('PONG');
});

test('the port stays refused until every down toxic is healed', async () => {
  const proxy = await useProxy(redis.port);
  proxy.addToxic(toxic('down', {}, { name: 'first' }));
  proxy.addToxic(toxic('down', {}, { name: 'second' }));
  await proxy.removeToxic('first');
  expect(await connectError(proxy.port)).toBe('ECONNREFUSED');
  await proxy.removeAll();
  expect(await connectError(proxy.port)).toBeUndefined();
});

test('a proxy closed while down releases its port and closes cleanly', async () => {
  const proxy = await useProxy(redis.port);
  proxy.addToxic(toxic('down'));
  await proxy.close();
  expect(await connectError(proxy.port)).toBe('ECONNREFUSED');
  expect(() => proxy.addToxic(toxic('latency', { latency: 1 }))).toThrow(/is closed/);
});
