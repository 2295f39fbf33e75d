// Wrong: answers 503 when Redis is unreachable instead of failing open (still logs and counts).
import { describe } from '../backend-errors.js';
import { serveRateLimitApp } from '../serve.js';

await serveRateLimitApp({
  onBackendError: (error, { user, logger, metrics }) => {
    logger.warn(`ratelimit: redis unreachable, rejecting request of user ${user.id} (${describe(error)})`);
    metrics.backendErrors.inc();
    return 'unavailable';
  },
});
