/**
 * Bug: a provider failure is logged but not counted.
 * Breaks: payments_provider_errors_total +1 on /metrics.
 */
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'no-metric', {
  reportProviderFailure: ({ paymentId, reason }, { logger }) =>
    logger.warn(`payment ${paymentId}: card provider unavailable (${reason}); the payment stays pending`),
});
