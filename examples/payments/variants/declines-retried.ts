/**
 * Bug: a decline (402) is retried like a 5xx, so the provider is asked twice for one payment.
 * Breaks: a 402 is not retried (only a 5xx gets one retry).
 */
import { CONTRACT_PROVIDER_POLICY } from '../provider.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'declines-retried', {
  provider: {
    ...CONTRACT_PROVIDER_POLICY,
    retries: (answer) => answer.kind === 'server_error' || answer.kind === 'declined',
  },
});
