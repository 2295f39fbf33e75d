/**
 * The payments contract as types: what a client sends, what a stored payment holds, and the
 * answers the service gives. Every module below speaks these types.
 */

export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** A valid create request's body. */
export interface PaymentRequest {
  amountCents: number;
  currency: Currency;
  customer: string;
}

export type PaymentStatus = 'pending' | 'succeeded' | 'declined' | 'failed';

/** A row of `payments`, as the service reads it. */
export interface PaymentRow {
  id: string;
  idempotencyKey: string;
  requestHash: string;
  status: PaymentStatus;
  charge: string | null;
  amountCents: number;
  currency: string;
  customer: string;
  createdAt: Date;
}

/** An HTTP answer; `body` is sent as JSON with its keys in the order written. */
export interface HttpAnswer {
  status: number;
  body: unknown;
}

/** What the card provider said to one charge call. */
export type ProviderAnswer =
  | { kind: 'charged'; charge: string }
  | { kind: 'declined' }
  /** 5xx: retried once. */
  | { kind: 'server_error'; status: number }
  /** Any other answer that is not a charge: the payment is `failed`. */
  | { kind: 'rejected'; status: number }
  /** No usable answer: timeout, refused, reset, cut or malformed body. */
  | { kind: 'unreachable'; reason: string };

/** How a create request ended, before it is turned into an HTTP answer. */
export type CreateOutcome =
  | { kind: 'missing_idempotency_key' }
  | { kind: 'invalid_payment'; field: string }
  | { kind: 'idempotency_key_reused' }
  | { kind: 'in_progress' }
  /** A settled payment (new, or `replayed` from an earlier request): its stored answer. */
  | { kind: 'settled'; row: PaymentRow; replayed: boolean }
  /** The provider gave no usable answer; the row stays `pending`. */
  | { kind: 'provider_unavailable'; row: PaymentRow; reason: string }
  | { kind: 'database_unavailable'; cause: unknown };
