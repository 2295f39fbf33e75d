import type { BackendErrorPolicy } from './types.js';

/** Availability over strictness: a Redis outage must not take the API down with it. */
export const failOpen: BackendErrorPolicy = (error, { user, logger, metrics }) => {
  logger.warn(
    `ratelimit: redis unreachable, allowing request of user ${user.id} unchecked (${describe(error)})`,
  );
  metrics.backendErrors.inc();
  return 'allow';
};

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
