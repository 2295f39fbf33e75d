/**
 * Bug: a 5xx is answered 502 at once.
 * Breaks: a 5xx gets one retry.
 */
import { CONTRACT_PROVIDER_POLICY } from '../provider.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'no-retry-on-5xx', {
  provider: { ...CONTRACT_PROVIDER_POLICY, retries: () => false },
});
