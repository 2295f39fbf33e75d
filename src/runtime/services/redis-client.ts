/** Short-lived ioredis connections for readiness and resets (no retries, no offline queue). */
import { Redis } from 'ioredis';

export async function withRedis<T>(url: string, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    // A stopped (SIGSTOP) or blackholed server must fail a reset or readiness ping, not hang it.
    commandTimeout: 2000,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Failures surface through the awaited calls; the event would otherwise crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

/** Undefined when the server answers PING, else what went wrong. */
export async function pingRedis(url: string): Promise<string | undefined> {
  try {
    const answer = await withRedis(url, (client) => client.ping());
    return answer === 'PONG' ? undefined : `PING answered ${answer}`;
  } catch (error) {
    return (error as Error).message;
  }
}

export async function flushRedis(url: string): Promise<void> {
  await withRedis(url, (client) => client.flushall());
}
