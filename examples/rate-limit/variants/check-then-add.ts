// Wrong: counts and adds in separate round trips, so concurrent requests (across instances, or
// interleaved in one) all see the same count and together admit more than LIMIT.
import { randomUUID } from 'node:crypto';
import { serveRateLimitApp } from '../serve.js';
import type { CreateLimiter } from '../types.js';

const createCheckThenAddLimiter: CreateLimiter = ({ redis }) => ({
  async check(key, limit, windowMs) {
    const [seconds, micros] = await redis.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    await redis.zremrangebyscore(key, '-inf', now - windowMs);
    const count = await redis.zcard(key);
    if (count >= limit) {
      const [, oldest] = await redis.zrange(key, 0, 0, 'WITHSCORES');
      return { allowed: false, nowMs: now, oldestMs: Number(oldest) };
    }
    await redis.multi().zadd(key, now, `${now}-${randomUUID()}`).pexpire(key, windowMs).exec();
    return { allowed: true };
  },
});

await serveRateLimitApp({ createLimiter: createCheckThenAddLimiter });
