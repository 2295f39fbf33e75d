/**
 * Bug: a replay after a provider failure answers the stored 502 again instead of charging.
 * Breaks: the client's replay after a provider failure calls the provider again and completes the payment.
 */
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'pending-replayed', { isSettled: () => true });
