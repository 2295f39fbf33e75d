/**
 * Bug: a key older than an hour is forgotten, and its replay charges a new payment.
 * Breaks: keys are kept at least 24 h.
 */
import { defineVariant } from '../variant.js';

const HOUR_MS = 60 * 60 * 1000;

export default defineVariant(import.meta.url, 'keys-expire-after-an-hour', {
  keyIsLive: (row, now) => now.getTime() - row.createdAt.getTime() < HOUR_MS,
});
