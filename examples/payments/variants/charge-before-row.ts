/**
 * Bug: charges first and writes the row after the provider answered.
 * Breaks: the row is written pending before the provider is called (no charge without a row;
 * PostgreSQL down means no provider call).
 */
import type { CreatePayment } from '../parts.js';
import { newPaymentId, settle } from '../payments.js';
import { chargeWithPolicy } from '../provider.js';
import { insertPendingOrFind, withClient } from '../database.js';
import { defineVariant } from '../variant.js';

const chargeThenWriteRow: CreatePayment = async (context, clientKey, payment) => {
  const { parts } = context;
  const id = newPaymentId();
  const call = {
    amountCents: payment.amountCents,
    currency: payment.currency,
    reference: id,
    idempotencyKey: clientKey,
  };
  const answer = await chargeWithPolicy(context.providerUrl, call, parts.provider);
  return withClient(context.pool, async (client) => {
    const storedKey = parts.storedKey(clientKey, payment);
    const requestHash = parts.requestHash(payment);
    const { row, created } = await insertPendingOrFind(client, { id, storedKey, requestHash, payment });
    if (row.requestHash !== requestHash) return { kind: 'idempotency_key_reused' };
    if (!created && parts.isSettled(row)) return { kind: 'settled', row, replayed: true };
    return settle(context, client, row, answer);
  });
};

export default defineVariant(import.meta.url, 'charge-before-row', { createPayment: chargeThenWriteRow });
