// Wrong: one budget per user AND route, so /api/ping and /api/echo each allow a full LIMIT.
import { serveRateLimitApp } from '../serve.js';

await serveRateLimitApp({ keyFor: (user, path) => `rl:${user.id}:${path}` });
