/** Reads Redis state directly from a service (not through its fault proxy). */
import { Redis } from 'ioredis';

export interface RedisKeyState {
  exists: boolean;
  type?: string;
  /** PTTL in ms; -1 when the key has no expiry. */
  ttl?: number;
  size?: number;
  /** Sorted sets only, ascending by score. */
  members?: Array<{ member: string; score: number }>;
}

const SIZE_COMMANDS: Record<string, string> = {
  string: 'strlen',
  list: 'llen',
  set: 'scard',
  zset: 'zcard',
  hash: 'hlen',
  stream: 'xlen',
};

export async function withRedis<T>(url: string, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  await client.connect();
  try {
    return await use(client);
  } finally {
    client.disconnect();
  }
}

export async function inspectKey(client: Redis, key: string): Promise<RedisKeyState> {
  const type = await client.type(key);
  if (type === 'none') return { exists: false };
  const ttl = await client.pttl(key);
  const sizeCommand = SIZE_COMMANDS[type];
  const size = sizeCommand ? Number(await client.call(sizeCommand, key)) : undefined;
  const state: RedisKeyState = { exists: true, type, ttl, size };
  if (type === 'zset') {
    const flat = await client.zrange(key, 0, -1, 'WITHSCORES');
    const members: Array<{ member: string; score: number }> = [];
    for (let i = 0; i + 1 < flat.length; i += 2)
      members.push({ member: flat[i]!, score: Number(flat[i + 1]) });
    state.members = members;
  }
  return state;
}

export async function scanKeys(client: Redis, pattern: string): Promise<string[]> {
  const keys = new Set<string>();
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    for (const key of batch) keys.add(key);
    cursor = next;
  } while (cursor !== '0');
  return [...keys].sort();
}

export async function redisCommand(client: Redis, command: string[]): Promise<unknown> {
  const [name, ...args] = command;
  if (!name) throw new Error('redis step: empty command');
  return client.call(name, ...args);
}
