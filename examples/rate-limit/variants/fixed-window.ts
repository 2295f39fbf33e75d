// Wrong: counts reset at fixed boundaries (multiples of W), so up to 2 x LIMIT pass around a boundary.
import { serveRateLimitApp } from '../serve.js';
import { createScriptLimiter } from '../script-limiter.js';
import { SLIDING_WINDOW_SCRIPT } from '../sliding-window.js';
import { replaceOnce } from './edit-script.js';

const FIXED_WINDOW_SCRIPT = replaceOnce(
  SLIDING_WINDOW_SCRIPT,
  "redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)",
  "redis.call('ZREMRANGEBYSCORE', key, '-inf', '(' .. (now - now % window))",
);

await serveRateLimitApp({ createLimiter: ({ redis }) => createScriptLimiter(redis, FIXED_WINDOW_SCRIPT) });
