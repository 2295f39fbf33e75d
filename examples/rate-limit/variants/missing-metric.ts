// Wrong: fails open and logs, but never increments `ratelimit_backend_error`.
import { describe } from '../backend-errors.js';
import { serveRateLimitApp } from '../serve.js';

await serveRateLimitApp({
  onBackendError: (error, { user, logger }) => {
    logger.warn(
      `ratelimit: redis unreachable, allowing request of user ${user.id} unchecked (${describe(error)})`,
    );
    return 'allow';
  },
});
