import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Redis } from 'ioredis';
import { startRedis, type RedisServer } from '../support/redis.js';
import { timed, toxic, useProxy, useRedis } from '../support/fixtures.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

async function pingTimes(client: Redis, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push((await timed(() => client.ping())).ms);
  return times;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

test.each(['downstream', 'upstream'] as const)(
  'on %s, adds the latency to every round trip',
  async (stream) => {
    const proxy = await useProxy(redis.port);
    const client = useRedis(proxy.port);
    await client.connect();
    const baseline = median(await pingTimes(client, 5));
    proxy.addToxic(toxic('latency', { latency: 100 }, { stream }));
    const delayed = await pingTimes(client, 5);
    for (const ms of delayed) expect(ms).toBeGreaterThanOrEqual(99);
    expect(median(delayed) - baseline).toBeLessThan(150);
    proxy.removeToxic('latency');
    expect(median(await pingTimes(client, 5))).toBeLessThan(50);
  },
);

test('jitter spreads the delay within latency ± jitter', async () => {
  const proxy = await useProxy(redis.port, 7);
  const client = useRedis(proxy.port);
  await client.connect();
  proxy.addToxic(toxic('latency', { latency: 100, jitter: 60 }));
  const times = await pingTimes(client, 12);
  for (const ms of times) {
    expect(ms).toBeGreaterThanOrEqual(39);
    expect(ms).toBeLessThan(160 + 60);
  }
  expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(20);
});

test('keeps order: pipelined commands get their own replies, delayed once, not once each', async () => {
  const proxy = await useProxy(redis.port);
  const client = useRedis(proxy.port);
  await client.connect();
  proxy.addToxic(toxic('latency', { latency: 100, jitter: 50 }));
  const pipeline = client.pipeline();
  for (let i = 0; i < 200; i++) pipeline.echo(`message-${i}`);
  const { ms, value } = await timed(() => pipeline.exec());
  expect(value?.map(([, reply]) => reply)).toEqual(Array.from({ length: 200 }, (_, i) => `message-${i}`));
  expect(ms).toBeLessThan(1000);
});

test('removing it releases delayed data at once', async () => {
  const proxy = await useProxy(redis.port);
  const client = useRedis(proxy.port);
  await client.connect();
  proxy.addToxic(toxic('latency', { latency: 5000 }));
  setTimeout(() => proxy.removeToxic('latency'), 100);
  const { ms, value } = await timed(() => client.ping());
  expect(value).toBe('PONG');
  expect(ms).toBeLessThan(1000);
});
