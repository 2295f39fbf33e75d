import { Counter, Registry } from 'prom-client';
import type { RateLimitMetrics } from './types.js';

/** A registry per app, so several apps in one process (tests, module targets) keep separate counts. */
export function createMetrics(): RateLimitMetrics {
  const registry = new Registry();
  const backendErrors = new Counter({
    name: 'ratelimit_backend_error',
    help: 'Requests allowed without a limit check because Redis could not be reached.',
    registers: [registry],
  });
  return {
    backendErrors,
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
