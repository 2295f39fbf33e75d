// Wrong: Retry-After is always the whole window, not the time until the oldest counted request leaves it.
import { serveRateLimitApp } from '../serve.js';

await serveRateLimitApp({ retryAfter: (_rejection, windowMs) => Math.ceil(windowMs / 1000) });
