/**
 * Bug: no lock on the key, so concurrent requests that find the row pending all charge it.
 * Breaks: concurrent requests on one key make exactly one provider call, the others 409.
 */
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'race-on-one-key', {
  keyLock: { acquire: async () => true, release: async () => undefined },
});
