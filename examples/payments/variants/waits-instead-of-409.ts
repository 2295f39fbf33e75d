/**
 * Bug: a request on a key in progress waits for it and then replays its outcome.
 * Breaks: concurrent requests on one key: the others answer 409 in_progress.
 */
import { unlockKey, waitForKeyLock } from '../database.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'waits-instead-of-409', {
  keyLock: {
    acquire: async (client, key) => {
      await waitForKeyLock(client, key);
      return true;
    },
    release: unlockKey,
  },
});
