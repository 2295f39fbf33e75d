// Wrong: counts live in the process, so each instance has its own budget and a restart forgets it.
import { serveRateLimitApp } from '../serve.js';
import type { RateLimiter } from '../types.js';

function createInMemoryLimiter(): RateLimiter {
  const allowedAt = new Map<string, number[]>();
  return {
    async check(key, limit, windowMs) {
      const now = Date.now();
      const times = (allowedAt.get(key) ?? []).filter((t) => t > now - windowMs);
      allowedAt.set(key, times);
      if (times.length >= limit) return { allowed: false, nowMs: now, oldestMs: times[0]! };
      times.push(now);
      return { allowed: true };
    },
  };
}

await serveRateLimitApp({ createLimiter: createInMemoryLimiter });
