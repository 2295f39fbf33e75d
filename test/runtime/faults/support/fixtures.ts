import { Redis, type RedisOptions } from 'ioredis';
import { onTestFinished } from 'vitest';
import { createFaultProxy } from '../../../../src/runtime/faults/index.js';
import type { FaultProxy, ToxicSpec } from '../../../../src/runtime/types.js';
import { connectRaw, type RawClient } from './sockets.js';

/** A toxic at full toxicity on the downstream (server → client) direction unless told otherwise. */
export function toxic(
  type: ToxicSpec['type'],
  attributes: Record<string, number> = {},
  overrides: Partial<ToxicSpec> = {},
): ToxicSpec {
  return { name: type, type, stream: 'downstream', toxicity: 1, attributes, ...overrides };
}

/** A proxy in front of 127.0.0.1:port, closed when the test ends. */
export async function useProxy(upstreamPort: number, seed = 1, protocol?: 'redis'): Promise<FaultProxy> {
  const proxy = await createFaultProxy({
    upstream: { host: '127.0.0.1', port: upstreamPort },
    seed,
    ...(protocol ? { protocol } : {}),
  });
  onTestFinished(() => proxy.close());
  return proxy;
}

/** An ioredis client that neither retries nor queues, so faults surface as errors; closed when the test ends. */
export function useRedis(port: number, options: RedisOptions = {}): Redis {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    ...options,
  });
  client.on('error', () => undefined);
  onTestFinished(() => client.disconnect());
  return client;
}

/** A raw TCP client, destroyed when the test ends. */
export async function useRaw(port: number): Promise<RawClient> {
  const client = await connectRaw(port);
  onTestFinished(() => {
    client.socket.destroy();
  });
  return client;
}

/** Time one async call in ms. */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** Runs `run` and returns the error it rejects with (fails when it resolves). */
export async function rejection(run: () => Promise<unknown>): Promise<NodeJS.ErrnoException> {
  try {
    await run();
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
  throw new Error('expected a rejection, but the call succeeded');
}

/** The next 'error' event of an ioredis client: where it reports the socket error (ECONNREFUSED, ECONNRESET). */
export function nextClientError(client: Redis): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve) => client.once('error', resolve));
}
