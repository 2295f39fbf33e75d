/**
 * Bug: keys are scoped per customer, so another customer's request with the same key is a new payment.
 * Breaks: keys are global (the same key with another body is 422 idempotency_key_reused).
 */
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'key-per-customer', {
  storedKey: (clientKey, payment) => `${payment.customer}:${clientKey}`,
});
