/**
 * Outcomes → HTTP answers. A settled payment's answer is rendered from its row alone, with a
 * fixed key order, so a replay is byte for byte the first answer without storing the answer.
 */
import type { CreateOutcome, HttpAnswer, PaymentRow } from './contract.js';

/** The body of a payment as the create answer and `GET /payments/{id}` show it. */
export function paymentBody(row: PaymentRow): Record<string, unknown> {
  switch (row.status) {
    case 'succeeded':
      return {
        id: row.id,
        status: row.status,
        charge: row.charge,
        amount_cents: row.amountCents,
        currency: row.currency,
      };
    case 'pending':
      return { id: row.id, status: row.status, amount_cents: row.amountCents, currency: row.currency };
    default:
      return { id: row.id, status: row.status };
  }
}

/** The answer a settled payment gets, the first time and on every replay. */
export function settledAnswer(row: PaymentRow): HttpAnswer {
  switch (row.status) {
    case 'succeeded':
      return { status: 201, body: paymentBody(row) };
    case 'declined':
      return { status: 402, body: paymentBody(row) };
    case 'failed':
      return { status: 502, body: { id: row.id, status: 'failed', error: 'provider_rejected' } };
    case 'pending':
      return { status: 502, body: { id: row.id, status: 'pending', error: 'provider_unavailable' } };
  }
}

export function respondPerContract(outcome: CreateOutcome): HttpAnswer {
  switch (outcome.kind) {
    case 'missing_idempotency_key':
      return { status: 400, body: { error: 'missing_idempotency_key' } };
    case 'invalid_payment':
      return { status: 422, body: { error: 'invalid_payment', field: outcome.field } };
    case 'idempotency_key_reused':
      return { status: 422, body: { error: 'idempotency_key_reused' } };
    case 'in_progress':
      return { status: 409, body: { error: 'in_progress' } };
    case 'settled':
      return settledAnswer(outcome.row);
    case 'provider_unavailable':
      return { status: 502, body: { id: outcome.row.id, status: 'pending', error: 'provider_unavailable' } };
    case 'database_unavailable':
      return { status: 503, body: { error: 'unavailable' } };
  }
}
