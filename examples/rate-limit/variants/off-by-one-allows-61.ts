// Wrong: admits while count <= LIMIT, so 61 free (601 paid) requests pass per window.
import { serveRateLimitApp } from '../serve.js';
import { createSlidingWindowLimiter } from '../sliding-window.js';

await serveRateLimitApp({
  createLimiter: (context) => {
    const limiter = createSlidingWindowLimiter(context);
    return { check: (key, limit, windowMs) => limiter.check(key, limit + 1, windowMs) };
  },
});
