// Wrong: records rejected requests too, so a client that keeps retrying stays blocked forever.
import { serveRateLimitApp } from '../serve.js';
import { createScriptLimiter } from '../script-limiter.js';
import { SLIDING_WINDOW_SCRIPT } from '../sliding-window.js';
import { replaceOnce } from './edit-script.js';

// The member added before the check is the same one the allowed branch adds, so allowed requests count once.
const COUNTS_REJECTED_SCRIPT = replaceOnce(
  SLIDING_WINDOW_SCRIPT,
  "if redis.call('ZCARD', key) < limit then",
  `local count = redis.call('ZCARD', key)
redis.call('ZADD', key, now, now .. '-' .. ARGV[3])
redis.call('PEXPIRE', key, window)
if count < limit then`,
);

await serveRateLimitApp({ createLimiter: ({ redis }) => createScriptLimiter(redis, COUNTS_REJECTED_SCRIPT) });
