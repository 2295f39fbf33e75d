import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRedis, type RedisServer } from '../support/redis.js';
import { toxic, useProxy, useRaw } from '../support/fixtures.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

async function quitTimes(port: number): Promise<{ replyAfter: number; endAfter: number }> {
  const raw = await useRaw(port);
  const sent = performance.now();
  raw.socket.write('QUIT\r\n');
  await raw.closed;
  expect(raw.bytes().toString()).toBe('+OK\r\n');
  expect(raw.observed.error).toBeUndefined();
  return { replyAfter: raw.observed.chunks[0]!.at - sent, endAfter: raw.observed.endedAt! - sent };
}

test('data flows at once but the server’s close reaches the client `delay` ms late', async () => {
  const proxy = await useProxy(redis.port);
  const prompt = await quitTimes(proxy.port);
  expect(prompt.endAfter).toBeLessThan(100);

  proxy.addToxic(toxic('slow_close', { delay: 300 }));
  const slow = await quitTimes(proxy.port);
  expect(slow.replyAfter).toBeLessThan(100);
  expect(slow.endAfter).toBeGreaterThanOrEqual(295);
  expect(slow.endAfter).toBeLessThan(1000);
});

test('removing it passes a held close on at once', async () => {
  const proxy = await useProxy(redis.port);
  proxy.addToxic(toxic('slow_close', { delay: 5000 }));
  const raw = await useRaw(proxy.port);
  const sent = performance.now();
  raw.socket.write('QUIT\r\n');
  await raw.waitForBytes(5);
  proxy.removeToxic('slow_close');
  await raw.closed;
  expect(raw.observed.endedAt! - sent).toBeLessThan(1000);
});
