/**
 * Bug: the retry after a 5xx sends a fresh Idempotency-Key, so the provider may charge twice.
 * Breaks: the retry uses the same Idempotency-Key.
 */
import { CONTRACT_PROVIDER_POLICY } from '../provider.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'retry-with-new-key', {
  provider: { ...CONTRACT_PROVIDER_POLICY, retryKey: (clientKey) => `${clientKey}-retry` },
});
