/**
 * Bug: a provider failure is counted but not logged.
 * Breaks: one warning log line containing `provider`.
 */
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'no-warning-log', {
  reportProviderFailure: (_report, { metrics }) => metrics.providerErrors.inc(),
});
