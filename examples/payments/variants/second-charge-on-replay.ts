/**
 * Bug: only declines are replayed from the row; a replay of a succeeded payment calls the
 * provider again.
 * Breaks: a replay answers the first answer and the provider is not called again.
 */
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'second-charge-on-replay', {
  isSettled: (row) => row.status === 'declined',
});
