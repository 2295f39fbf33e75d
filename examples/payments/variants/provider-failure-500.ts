/**
 * Bug: a provider failure is answered 500 {"error":"internal"}.
 * Breaks: provider timeout, refusal, reset or 5xx → 502 pending provider_unavailable.
 */
import { respondPerContract } from '../answers.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'provider-failure-500', {
  respond: (outcome) =>
    outcome.kind === 'provider_unavailable'
      ? { status: 500, body: { error: 'internal' } }
      : respondPerContract(outcome),
});
