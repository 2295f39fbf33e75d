import { authenticateFromHeaders } from './auth.js';
import { failOpen } from './backend-errors.js';
import { userKey } from './keys.js';
import { PLAN_LIMITS } from './plans.js';
import { REDIS_CLIENT_SETTINGS } from './redis-client.js';
import { secondsUntilOldestExpires } from './retry-after.js';
import { createSlidingWindowLimiter } from './sliding-window.js';
import type { RateLimitParts } from './types.js';

/** The reference's decisions; a variant replaces exactly one of them. */
export const REFERENCE_PARTS: RateLimitParts = {
  authenticate: authenticateFromHeaders,
  planLimits: PLAN_LIMITS,
  keyFor: userKey,
  createLimiter: createSlidingWindowLimiter,
  retryAfter: secondsUntilOldestExpires,
  onBackendError: failOpen,
  redisClient: REDIS_CLIENT_SETTINGS,
};
