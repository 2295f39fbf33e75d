/**
 * Bug: the stored payment is found by key alone; a different body on the key gets the first answer.
 * Breaks: the same key with a different body is 422 idempotency_key_reused.
 */
import { createHash } from 'node:crypto';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'reused-key-replayed', {
  requestHash: () => createHash('sha256').update('any body').digest('hex'),
});
