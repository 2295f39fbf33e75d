/**
 * Bug: the 5xx retry goes out at once.
 * Breaks: the retry comes after 100 ms.
 */
import { CONTRACT_PROVIDER_POLICY } from '../provider.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'retry-without-delay', {
  provider: { ...CONTRACT_PROVIDER_POLICY, retryDelayMs: 0 },
});
