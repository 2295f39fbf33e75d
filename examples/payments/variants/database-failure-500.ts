/**
 * Bug: PostgreSQL unreachable is answered 500 {"error":"internal"}.
 * Breaks: PostgreSQL unreachable → 503 {"error":"unavailable"}.
 */
import { respondPerContract } from '../answers.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'database-failure-500', {
  respond: (outcome) =>
    outcome.kind === 'database_unavailable'
      ? { status: 500, body: { error: 'internal' } }
      : respondPerContract(outcome),
});
