import { fc, test as fcTest } from '@fast-check/vitest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RedisFaultSpec } from '../../../src/runtime/types.js';
import { startRedis, type RedisServer } from './support/redis.js';
import { useProxy, useRaw, useRedis } from './support/fixtures.js';

const OOM = "OOM command not allowed when used memory > 'maxmemory'.";

let redis: RedisServer;
let direct: Redis;
beforeAll(async () => {
  redis = await startRedis();
  direct = new Redis({ host: '127.0.0.1', port: redis.port });
});
afterAll(async () => {
  direct?.disconnect();
  await redis?.stop();
});

function fault(overrides: Partial<RedisFaultSpec> = {}): RedisFaultSpec {
  return { name: 'oom', error: OOM, toxicity: 1, ...overrides };
}

/** Each result of an ioredis pipeline as the value or `error: <message>`. */
function outcomes(results: [Error | null, unknown][] | null): unknown[] {
  return (results ?? []).map(([error, value]) => (error ? `error: ${error.message}` : value));
}

/** RESP of one command, as clients send it. */
function command(...words: string[]): string {
  return `*${words.length}\r\n${words.map((word) => `$${Buffer.byteLength(word)}\r\n${word}\r\n`).join('')}`;
}

test('a pipeline gets the error for exactly the chosen commands, in order; the server never sees them', async () => {
  const proxy = await useProxy(redis.port, 1, 'redis');
  const client = useRedis(proxy.port);
  await client.connect();
  const sha = await client.script('LOAD', 'return 7');
  proxy.addRedisFault(fault({ commands: ['zadd', 'EVALSHA'] }));

  const results = await client
    .pipeline()
    .set('pipe:a', '1')
    .zadd('pipe:z', 1, 'm')
    .get('pipe:a')
    .evalsha(sha as string, 0)
    .incr('pipe:n')
    .zadd('pipe:z', 2, 'n')
    .ping()
    .exec();

  expect(outcomes(results)).toEqual([
    'OK',
    `error: ${OOM}`,
    '1',
    `error: ${OOM}`,
    1,
    `error: ${OOM}`,
    'PONG',
  ]);
  expect(await direct.zcard('pipe:z')).toBe(0);
  expect(await direct.get('pipe:n')).toBe('1');
});

test('an injected error waits for the replies to the commands sent before it', async () => {
  const proxy = await useProxy(redis.port, 1, 'redis');
  proxy.addRedisFault(fault({ commands: ['ZADD'] }));
  const raw = await useRaw(proxy.port);
  const sent = performance.now();
  // BLPOP answers (a null array) only after 300 ms; the ZADD's error must not overtake it.
  raw.socket.write(
    command('BLPOP', 'order:none', '0.3') + command('ZADD', 'order:z', '1', 'm') + command('PING'),
  );
  const expected = `*-1\r\n-${OOM}\r\n+PONG\r\n`;
  await raw.waitForBytes(expected.length);
  expect(raw.bytes().toString()).toBe(expected);
  // Nothing arrived before the BLPOP's answer.
  expect(raw.observed.chunks[0]!.at - sent).toBeGreaterThanOrEqual(280);
});

test('requests split anywhere, inline commands and RESP3 replies keep the pairing', async () => {
  const proxy = await useProxy(redis.port, 1, 'redis');
  proxy.addRedisFault(
    fault({
      name: 'readonly',
      error: "READONLY You can't write against a read only replica.",
      commands: ['SET'],
    }),
  );
  const raw = await useRaw(proxy.port);
  await direct.hset('resp3:h', 'f', 'v');
  const stream = Buffer.from(
    command('HELLO', '3') +
      command('HGETALL', 'resp3:h') +
      'SET resp3:k v\r\n' +
      command('SET', 'resp3:k', 'w') +
      command('GET', 'resp3:h2'),
  );
  for (let i = 0; i < stream.length; i += 3) {
    raw.socket.write(stream.subarray(i, i + 3));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const error = "-READONLY You can't write against a read only replica.\r\n";
  const tail = `%1\r\n$1\r\nf\r\n$1\r\nv\r\n${error}${error}_\r\n`;
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (raw.bytes().toString().endsWith(tail)) {
        clearInterval(check);
        resolve();
      }
    }, 10);
    setTimeout(() => {
      clearInterval(check);
      reject(new Error(`no RESP3 tail in ${JSON.stringify(raw.bytes().toString())}`));
    }, 3000);
  });
  expect(raw.bytes().toString().startsWith('%')).toBe(true); // the HELLO 3 map
  expect(await direct.exists('resp3:k')).toBe(0);
});

test('times: only the first N selected commands fail; removing the fault lets every one through', async () => {
  const proxy = await useProxy(redis.port, 1, 'redis');
  const client = useRedis(proxy.port);
  await client.connect();
  proxy.addRedisFault(
    fault({
      name: 'loading',
      error: 'LOADING Redis is loading the dataset in memory',
      times: 2,
      commands: ['INCR'],
    }),
  );
  const results = await client
    .pipeline()
    .incr('times:n')
    .get('times:n')
    .incr('times:n')
    .incr('times:n')
    .incr('times:n')
    .exec();
  const loading = 'error: LOADING Redis is loading the dataset in memory';
  expect(outcomes(results)).toEqual([loading, null, loading, 1, 2]);

  proxy.addRedisFault(fault({ name: 'all' }));
  await expect(client.ping()).rejects.toThrow(OOM);
  await proxy.removeToxic('all');
  expect(await client.ping()).toBe('PONG');
  expect(proxy.redisFaults().map((active) => active.name)).toEqual(['loading']);
});

test('toxicity: the same seed faults the same commands; about the share asked for', async () => {
  const pattern = async (seed: number): Promise<boolean[]> => {
    const proxy = await useProxy(redis.port, seed, 'redis');
    const client = useRedis(proxy.port);
    await client.connect();
    proxy.addRedisFault(fault({ toxicity: 0.5, commands: ['ECHO'] }));
    const pipeline = client.pipeline();
    for (let i = 0; i < 60; i++) pipeline.echo(String(i));
    const results = await pipeline.exec();
    return (results ?? []).map(([error], i) => {
      if (!error) expect(results![i]![1]).toBe(String(i));
      return error !== null;
    });
  };
  const first = await pattern(7);
  expect(await pattern(7)).toEqual(first);
  expect(await pattern(8)).not.toEqual(first);
  const faulted = first.filter(Boolean).length;
  expect(faulted).toBeGreaterThan(15);
  expect(faulted).toBeLessThan(45);
});

test('a faulted EXEC fails the transaction: nothing of it runs and the connection leaves MULTI', async () => {
  const proxy = await useProxy(redis.port, 1, 'redis');
  const client = useRedis(proxy.port);
  await client.connect();
  proxy.addRedisFault(fault({ commands: ['EXEC', 'SET'] }));
  // SET inside the transaction is only queued: the fault is on its EXEC.
  await expect(client.multi().set('tx:k', 'v').incr('tx:n').exec()).rejects.toThrow(OOM);
  expect(await direct.exists('tx:k', 'tx:n')).toBe(0);
  await proxy.removeToxic('oom');
  expect(await client.incr('tx:n')).toBe(1);
});

test('a subscribed connection is passed through untouched', async () => {
  const proxy = await useProxy(redis.port, 1, 'redis');
  const subscriber = useRedis(proxy.port);
  await subscriber.connect();
  proxy.addRedisFault(fault({ commands: ['PING'] }));
  await subscriber.subscribe('channel:a');
  const message = new Promise((resolve) => subscriber.once('message', (_channel, text) => resolve(text)));
  await direct.publish('channel:a', 'hello');
  expect(await message).toBe('hello');
});

test('a proxy in front of anything else takes no Redis faults', async () => {
  const proxy = await useProxy(redis.port);
  expect(() => proxy.addRedisFault(fault())).toThrow(/not in front of Redis/);
  const redisProxy = await useProxy(redis.port, 1, 'redis');
  redisProxy.addRedisFault(fault());
  expect(() => redisProxy.addRedisFault(fault())).toThrow(/already exists/);
  expect(() => redisProxy.addRedisFault(fault({ name: 'x', error: 'ERR a\r\nb' }))).toThrow(
    /one non-empty line/,
  );
});

/** One request of the generated pipelines and the reply the server gives it. */
type Generated = { name: 'ECHO' | 'PING'; bytes: string; reply: string };
const generatedRequest = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', '\r', '\n', '*', '$', 'é', ' ') }).map((text): Generated => ({
    name: 'ECHO',
    bytes: command('ECHO', text),
    reply: `$${Buffer.byteLength(text)}\r\n${text}\r\n`,
  })),
  fc.constantFrom<Generated>(
    { name: 'PING', bytes: command('PING'), reply: '+PONG\r\n' },
    { name: 'PING', bytes: 'ping\r\n', reply: '+PONG\r\n' },
  ),
);

fcTest.prop(
  [
    fc.array(generatedRequest, { minLength: 1, maxLength: 12 }),
    fc.subarray(['ECHO', 'PING'], { minLength: 1 }),
    fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    fc.array(fc.nat(), { maxLength: 6 }),
  ],
  { numRuns: 25 },
)(
  'any pipeline cut anywhere gets, in order, the error exactly where the fault chose',
  async (requests, commands, times, cuts) => {
    const proxy = await useProxy(redis.port, 1, 'redis');
    proxy.addRedisFault(
      fault({ name: 'gen', error: 'ERR generated', commands, ...(times ? { times } : {}) }),
    );
    let answered = 0;
    const expected = requests
      .map(({ name, reply }) => {
        if (!commands.includes(name) || (times !== undefined && answered >= times)) return reply;
        answered++;
        return '-ERR generated\r\n';
      })
      .join('');
    const raw = await useRaw(proxy.port);
    const stream = Buffer.from(requests.map((request) => request.bytes).join(''));
    const points = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
    let from = 0;
    for (const to of [...points, stream.length]) {
      raw.socket.write(stream.subarray(from, to));
      from = to;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await raw.waitForBytes(Buffer.byteLength(expected));
    expect(raw.bytes().toString()).toBe(expected);
  },
);
