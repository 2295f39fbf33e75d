// Wrong: keys expire after 10 x W, beyond the contract's bound of 2 x W.
import { serveRateLimitApp } from '../serve.js';
import { createScriptLimiter } from '../script-limiter.js';
import { SLIDING_WINDOW_SCRIPT } from '../sliding-window.js';
import { replaceOnce } from './edit-script.js';

const LONG_TTL_SCRIPT = replaceOnce(
  SLIDING_WINDOW_SCRIPT,
  "redis.call('PEXPIRE', key, window)",
  "redis.call('PEXPIRE', key, window * 10)",
);

await serveRateLimitApp({ createLimiter: ({ redis }) => createScriptLimiter(redis, LONG_TTL_SCRIPT) });
