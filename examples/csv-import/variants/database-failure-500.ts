/**
 * Bug: answers a database failure with 500 {"error":"internal"}.
 * Breaks: database unreachable or connection dropped → 503 {"error":"unavailable"}.
 */
import type { HttpAnswer, ImportOutcome } from '../contract.js';
import { referenceParts, respondPerContract } from '../pipeline.js';
import { defineVariant } from '../variant.js';

function respondWith500OnDatabaseFailure(outcome: ImportOutcome): HttpAnswer {
  return outcome.kind === 'unavailable'
    ? { status: 500, body: { error: 'internal' } }
    : respondPerContract(outcome);
}

export default defineVariant(import.meta.url, 'database-failure-500', {
  ...referenceParts,
  respond: respondWith500OnDatabaseFailure,
});
