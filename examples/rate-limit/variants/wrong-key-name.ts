// Wrong: stores the budget under `ratelimit:{user_id}` instead of `rl:{user_id}`.
import { serveRateLimitApp } from '../serve.js';

await serveRateLimitApp({ keyFor: (user) => `ratelimit:${user.id}` });
