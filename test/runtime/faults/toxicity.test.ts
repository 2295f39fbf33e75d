import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FaultProxy } from '../../../src/runtime/types.js';
import { startRedis, type RedisServer } from './support/redis.js';
import { toxic, useProxy, useRaw } from './support/fixtures.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

/** Opens `count` connections one after the other; each sends PING: 'ok' (PONG) or 'reset'. */
async function outcomes(proxy: FaultProxy, count: number, addAfterConnecting?: () => void): Promise<string> {
  const clients = [];
  for (let i = 0; i < count; i++) clients.push(await useRaw(proxy.port));
  addAfterConnecting?.();
  const results = await Promise.all(
    clients.map(async (client) => {
      client.socket.write('PING\r\n');
      return client.waitForBytes(7).then(
        () => 'o',
        () => (client.observed.error?.code === 'ECONNRESET' ? 'x' : '?'),
      );
    }),
  );
  return results.join('');
}

const resetAll = (toxicity: number) => toxic('reset_peer', { timeout: 0 }, { toxicity });

test('toxicity 0 affects no connection and 1 affects every one', async () => {
  const none = await useProxy(redis.port);
  none.addToxic(resetAll(0));
  expect(await outcomes(none, 8)).toBe('oooooooo');
  const all = await useProxy(redis.port);
  all.addToxic(resetAll(1));
  expect(await outcomes(all, 8)).toBe('xxxxxxxx');
});

test('with toxicity 0.5 the affected connections are drawn from the seed: same seed, same ones', async () => {
  const patterns = [];
  for (const seed of [42, 42, 43]) {
    const proxy = await useProxy(redis.port, seed);
    proxy.addToxic(resetAll(0.5));
    patterns.push(await outcomes(proxy, 32));
  }
  const [first, again, otherSeed] = patterns;
  expect(first).toMatch(/^[ox]+$/);
  expect(first).toContain('o');
  expect(first).toContain('x');
  expect(again).toBe(first);
  expect(otherSeed).not.toBe(first);
});

test('the draw depends on connection order, not on whether the toxic came before or after connecting', async () => {
  const before = await useProxy(redis.port, 9);
  before.addToxic(resetAll(0.5));
  const after = await useProxy(redis.port, 9);
  expect(await outcomes(after, 16, () => after.addToxic(resetAll(0.5)))).toBe(await outcomes(before, 16));
});
