// Wrong: admits while count < LIMIT - 1, so only 59 free (599 paid) requests pass per window.
import { serveRateLimitApp } from '../serve.js';
import { createSlidingWindowLimiter } from '../sliding-window.js';

await serveRateLimitApp({
  createLimiter: (context) => {
    const limiter = createSlidingWindowLimiter(context);
    return { check: (key, limit, windowMs) => limiter.check(key, limit - 1, windowMs) };
  },
});
