// Wrong: waits for Redis forever, so a Redis that accepts but never answers hangs every request.
import { REDIS_CLIENT_SETTINGS } from '../redis-client.js';
import { serveRateLimitApp } from '../serve.js';

await serveRateLimitApp({ redisClient: { ...REDIS_CLIENT_SETTINGS, commandTimeoutMs: undefined } });
