/**
 * Bug: a replayed answer is rendered afresh, pretty-printed; the same JSON, other bytes.
 * Breaks: a replay answers the first answer's body byte for byte.
 */
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'replay-not-byte-for-byte', {
  serialise: (answer, { replay }) => JSON.stringify(answer.body, null, replay ? 1 : undefined),
});
