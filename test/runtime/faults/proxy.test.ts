import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectError } from './support/sockets.js';
import { startRedis, type RedisServer } from './support/redis.js';
import { nextClientError, rejection, toxic, useProxy, useRaw, useRedis } from './support/fixtures.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

describe('fault proxy without toxics', () => {
  test('listens on 127.0.0.1 and passes Redis traffic both ways, large values intact', async () => {
    const proxy = await useProxy(redis.port);
    expect(proxy.port).toBeGreaterThan(0);
    expect(proxy.port).not.toBe(redis.port);
    expect(proxy.upstream).toEqual({ host: '127.0.0.1', port: redis.port });
    const client = useRedis(proxy.port);
    await client.connect();
    const big = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    await client.set('big', big);
    const back = await client.getBuffer('big');
    expect(back?.equals(big)).toBe(true);
    expect(await client.ping()).toBe('PONG');
  });

  test('serves many concurrent connections, each with its own upstream connection', async () => {
    const proxy = await useProxy(redis.port);
    const clients = Array.from({ length: 20 }, () => useRedis(proxy.port));
    await Promise.all(clients.map((client) => client.connect()));
    const names = await Promise.all(
      clients.map(async (client, i) => {
        await client.client('SETNAME', `proxy-test-${i}`);
        return client.client('GETNAME');
      }),
    );
    expect(names).toEqual(clients.map((_, i) => `proxy-test-${i}`));
  });

  test('passes a half-close on: QUIT answers +OK and the client then sees the end', async () => {
    const proxy = await useProxy(redis.port);
    const raw = await useRaw(proxy.port);
    raw.socket.write('QUIT\r\n');
    await raw.closed;
    expect(raw.bytes().toString()).toBe('+OK\r\n');
    expect(raw.observed.endedAt).toBeDefined();
    expect(raw.observed.error).toBeUndefined();
  });

  test('resets the client when nothing listens upstream', async () => {
    const nothingThere = await getPort({ host: '127.0.0.1' });
    const proxy = await useProxy(nothingThere);
    const raw = await useRaw(proxy.port);
    raw.socket.write('PING\r\n');
    await raw.closed;
    expect(raw.observed.error?.code).toBe('ECONNRESET');
    expect(raw.bytes().length).toBe(0);
  });

  test('close() stops listening and closes open connections', async () => {
    const proxy = await useProxy(redis.port);
    const raw = await useRaw(proxy.port);
    await proxy.close();
    await raw.closed;
    expect(await connectError(proxy.port)).toBe('ECONNREFUSED');
  });
});

describe('toxic bookkeeping', () => {
  test('lists toxics with defaults filled in, removes by name, ignores unknown names', async () => {
    const proxy = await useProxy(redis.port);
    proxy.addToxic(toxic('latency', { latency: 10 }));
    proxy.addToxic(toxic('timeout', {}, { name: 'stall', stream: 'upstream', toxicity: 0.5 }));
    expect(proxy.toxics()).toEqual([
      {
        name: 'latency',
        type: 'latency',
        stream: 'downstream',
        toxicity: 1,
        attributes: { latency: 10, jitter: 0 },
      },
      { name: 'stall', type: 'timeout', stream: 'upstream', toxicity: 0.5, attributes: { timeout: 0 } },
    ]);
    proxy.removeToxic('latency');
    proxy.removeToxic('no-such-toxic');
    expect(proxy.toxics().map((t) => t.name)).toEqual(['stall']);
    proxy.removeAll();
    expect(proxy.toxics()).toEqual([]);
  });

  test.each([
    [toxic('latency', { latency: 1 }, { name: '' }), /non-empty/],
    [
      toxic('latency' as never, { latency: 1 }, { type: 'jam' as never }),
      /unknown type; known types: down, reset_peer/,
    ],
    [toxic('latency', { latency: 1 }, { stream: 'sideways' as never }), /stream must be/],
    [toxic('latency', { latency: 1 }, { toxicity: 1.5 }), /toxicity must be a number from 0 to 1/],
    [toxic('latency', { latency: 1, delay: 3 }), /unknown attribute "delay"; known: latency, jitter/],
    [toxic('latency', {}), /attribute "latency" \(ms\) is required/],
    [toxic('latency', { latency: -1 }), /attribute "latency" must be at least 0 ms, got -1/],
    [toxic('bandwidth', { rate: 0 }), /"rate" must be at least 1 KB\/s/],
    [toxic('down', { timeout: 1 }), /unknown attribute "timeout"; it takes none/],
  ])('rejects an invalid toxic: %j', async (spec, message) => {
    const proxy = await useProxy(redis.port);
    expect(() => proxy.addToxic(spec)).toThrow(message);
    expect(proxy.toxics()).toEqual([]);
  });

  test('rejects a second toxic with the same name', async () => {
    const proxy = await useProxy(redis.port);
    proxy.addToxic(toxic('latency', { latency: 1 }));
    expect(() => proxy.addToxic(toxic('latency', { latency: 2 }))).toThrow(/"latency" already exists/);
  });
});

describe('fault proxy in front of an upstream that is down', () => {
  test('refuses connections (ECONNREFUSED) while the upstream is marked down, and accepts again after', async () => {
    const proxy = await useProxy(redis.port);
    const open = await useRaw(proxy.port);
    await proxy.setUpstreamAvailable(false);
    expect(await connectError(proxy.port)).toBe('ECONNREFUSED');
    // A client that takes a TCP connect for "connected" must not see a live server.
    const eager = useRedis(proxy.port, { enableReadyCheck: false });
    const refused = nextClientError(eager);
    await rejection(() => eager.connect());
    expect((await refused).code).toBe('ECONNREFUSED');
    // Connections already open are the server's to close, not the proxy's.
    open.socket.write('PING\r\n');
    await open.waitForBytes(7);
    expect(open.bytes().toString()).toBe('+PONG\r\n');

    await proxy.setUpstreamAvailable(true);
    expect(await connectError(proxy.port)).toBeUndefined();
    const client = useRedis(proxy.port, { enableReadyCheck: false });
    await client.connect();
    expect(await client.ping()).toBe('PONG');
  });

  test('a `down` toxic healed while the upstream is down keeps refusing until the upstream is back', async () => {
    const proxy = await useProxy(redis.port);
    proxy.addToxic(toxic('down'));
    await proxy.setUpstreamAvailable(false);
    proxy.removeToxic('down');
    expect(await connectError(proxy.port)).toBe('ECONNREFUSED');
    await proxy.setUpstreamAvailable(true);
    expect(await connectError(proxy.port)).toBeUndefined();
  });
});
