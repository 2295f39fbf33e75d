import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { defineRedisScript } from './redis-script.js';
import type { LimitDecision, RateLimiter } from './types.js';

/**
 * A limiter whose whole decision is one Lua script, so Redis runs it atomically:
 * concurrent requests from any number of instances are serialised by Redis itself.
 *
 * Script contract: KEYS[1] the user's key; ARGV limit, window (ms), a unique request id.
 * Returns { allowed (1|0), now (ms), oldest counted score (ms; 0 when allowed) }.
 */
export function createScriptLimiter(redis: Redis, source: string): RateLimiter {
  const script = defineRedisScript(source);
  return {
    async check(key, limit, windowMs) {
      const reply = await script.run(redis, [key], [limit, windowMs, randomUUID()]);
      return decisionFrom(reply);
    },
  };
}

function decisionFrom(reply: unknown): LimitDecision {
  if (!Array.isArray(reply) || reply.length !== 3 || !reply.every((n) => typeof n === 'number')) {
    throw new Error(`unexpected limiter script reply: ${JSON.stringify(reply)}`);
  }
  const [allowed, nowMs, oldestMs] = reply as [number, number, number];
  return allowed === 1 ? { allowed: true } : { allowed: false, nowMs, oldestMs };
}
