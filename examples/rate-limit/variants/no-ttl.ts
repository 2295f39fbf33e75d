// Wrong: `rl:*` keys never expire, so idle users' sets stay in Redis forever.
import { serveRateLimitApp } from '../serve.js';
import { createScriptLimiter } from '../script-limiter.js';
import { SLIDING_WINDOW_SCRIPT } from '../sliding-window.js';
import { replaceOnce } from './edit-script.js';

const NO_TTL_SCRIPT = replaceOnce(SLIDING_WINDOW_SCRIPT, "redis.call('PEXPIRE', key, window)\n", '');

await serveRateLimitApp({ createLimiter: ({ redis }) => createScriptLimiter(redis, NO_TTL_SCRIPT) });
