/** Reads Redis state directly from a service (not through its fault proxy). */
import { Redis } from 'ioredis';

/** What a probe sees of one key; also the shape `expect redis` saves (docs/spec-format.md). */
export interface RedisKeyState {
  key: string;
  exists: boolean;
  type?: string;
  /** PTTL in ms; -1 when the key has no expiry. */
  ttl?: number;
  size?: number;
  /** Strings only. */
  value?: string;
  /** Hashes only: field → value. */
  fields?: Record<string, string>;
  /** Lists only, head first. */
  items?: string[];
  /** Sorted sets: `{ member, score }` ascending by score; sets: members sorted. */
  members?: Array<{ member: string; score: number }> | string[];
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

/** Type, TTL, size and the content of strings, hashes, lists, sets and sorted sets (streams: no content). */
export async function inspectKey(client: Redis, key: string): Promise<RedisKeyState> {
  const type = await client.type(key);
  if (type === 'none') return { key, exists: false };
  const ttl = await client.pttl(key);
  const sizeCommand = SIZE_COMMANDS[type];
  const size = sizeCommand ? Number(await client.call(sizeCommand, key)) : undefined;
  const state: RedisKeyState = { key, exists: true, type, ttl, size };
  switch (type) {
    case 'string':
      state.value = (await client.get(key)) ?? undefined;
      break;
    case 'hash':
      state.fields = await client.hgetall(key);
      break;
    case 'list':
      state.items = await client.lrange(key, 0, -1);
      break;
    case 'set':
      state.members = (await client.smembers(key)).sort();
      break;
    case 'zset': {
      const flat = await client.zrange(key, 0, -1, 'WITHSCORES');
      const members: Array<{ member: string; score: number }> = [];
      for (let i = 0; i + 1 < flat.length; i += 2)
        members.push({ member: flat[i]!, score: Number(flat[i + 1]) });
      state.members = members;
      break;
    }
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
