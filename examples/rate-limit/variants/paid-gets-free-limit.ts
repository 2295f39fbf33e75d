// Wrong: paid users get the free tier's 60 requests per window instead of 600.
import { PLAN_LIMITS } from '../plans.js';
import { serveRateLimitApp } from '../serve.js';

await serveRateLimitApp({ planLimits: { ...PLAN_LIMITS, paid: PLAN_LIMITS.free } });
