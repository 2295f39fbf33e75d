/**
 * Bug: waits 30 s for the provider instead of 2 s.
 * Breaks: the service waits at most 2 s for the provider (a timeout answers 502 within 2.5 s).
 */
import { CONTRACT_PROVIDER_POLICY } from '../provider.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'no-provider-deadline', {
  provider: { ...CONTRACT_PROVIDER_POLICY, deadlineMs: 30_000 },
});
