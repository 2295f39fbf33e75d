// Wrong: after the first Redis failure it never asks Redis again, so limiting never resumes.
import { serveRateLimitApp } from '../serve.js';
import { createSlidingWindowLimiter } from '../sliding-window.js';
import type { RateLimiter } from '../types.js';

function openForeverAfterFirstFailure(limiter: RateLimiter): RateLimiter {
  let failure: { error: unknown } | undefined;
  return {
    async check(key, limit, windowMs) {
      if (failure) throw failure.error;
      try {
        return await limiter.check(key, limit, windowMs);
      } catch (error) {
        failure = { error };
        throw error;
      }
    },
  };
}

await serveRateLimitApp({
  createLimiter: (context) => openForeverAfterFirstFailure(createSlidingWindowLimiter(context)),
});
