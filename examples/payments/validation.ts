/** Request checks: the Idempotency-Key header (400) and the body's fields in contract order (422). */
import { CURRENCIES } from './contract.js';
import type { Currency, PaymentRequest } from './contract.js';

/** 1 to 255 visible ASCII characters (`!` to `~`). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const CUSTOMER = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_AMOUNT_CENTS = 1_000_000;

export function isValidIdempotencyKey(value: string | string[] | undefined): value is string {
  return typeof value === 'string' && IDEMPOTENCY_KEY.test(value);
}

export type PaymentValidation = { ok: true; payment: PaymentRequest } | { ok: false; field: string };

/** Parses and checks a create body; `field` names the first bad one (`body` when it is not a JSON object). */
export function validatePayment(text: string): PaymentValidation {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, field: 'body' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, field: 'body' };
  const body = parsed as Record<string, unknown>;
  const amount = body.amount_cents;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > MAX_AMOUNT_CENTS)
    return { ok: false, field: 'amount_cents' };
  const currency = body.currency;
  if (typeof currency !== 'string' || !(CURRENCIES as readonly string[]).includes(currency))
    return { ok: false, field: 'currency' };
  const customer = body.customer;
  if (typeof customer !== 'string' || !CUSTOMER.test(customer)) return { ok: false, field: 'customer' };
  return { ok: true, payment: { amountCents: amount, currency: currency as Currency, customer } };
}
