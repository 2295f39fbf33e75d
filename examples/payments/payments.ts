/**
 * Creating a payment: lock the key, write the row `pending`, charge through the provider,
 * settle the row, answer. Replays of a settled key get the stored answer; replays of a
 * pending key (an earlier provider failure) charge again with the same Idempotency-Key.
 */
import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { CreateOutcome, PaymentRequest, PaymentRow, ProviderAnswer } from './contract.js';
import { deletePayment, findByKey, insertPendingOrFind, settlePayment, withClient } from './database.js';
import type { Logger } from './logger.js';
import type { PaymentsMetrics } from './metrics.js';
import type { CreatePayment, PaymentsParts } from './parts.js';
import { chargeWithPolicy } from './provider.js';

export interface PaymentContext {
  pool: Pool;
  providerUrl: string;
  parts: PaymentsParts;
  logger: Logger;
  metrics: PaymentsMetrics;
}

export function newPaymentId(): string {
  return `pay_${randomBytes(12).toString('hex')}`;
}

/** Runs a valid create request; throws when the database fails. */
export const createPayment: CreatePayment = async (
  context: PaymentContext,
  clientKey: string,
  payment: PaymentRequest,
) => {
  const { parts } = context;
  const storedKey = parts.storedKey(clientKey, payment);
  const requestHash = parts.requestHash(payment);
  return withClient(context.pool, async (client) => {
    if (!(await parts.keyLock.acquire(client, storedKey))) {
      // Someone holds the key: it is in progress, unless it settled or belongs to another body.
      const row = await findByKey(client, storedKey);
      if (row && row.requestHash !== requestHash) return { kind: 'idempotency_key_reused' };
      if (row && parts.isSettled(row)) return { kind: 'settled', row, replayed: true };
      return { kind: 'in_progress' };
    }
    try {
      return await chargeUnderLock(context, client, clientKey, storedKey, requestHash, payment);
    } finally {
      await parts.keyLock.release(client, storedKey);
    }
  });
};

async function chargeUnderLock(
  context: PaymentContext,
  client: PoolClient,
  clientKey: string,
  storedKey: string,
  requestHash: string,
  payment: PaymentRequest,
): Promise<CreateOutcome> {
  const { parts } = context;
  const fresh = { id: newPaymentId(), storedKey, requestHash, payment };
  let { row, created } = await insertPendingOrFind(client, fresh);
  if (!created && !parts.keyIsLive(row, new Date())) {
    await deletePayment(client, row.id);
    ({ row, created } = await insertPendingOrFind(client, fresh));
  }
  if (row.requestHash !== requestHash) return { kind: 'idempotency_key_reused' };
  if (!created && parts.isSettled(row)) return { kind: 'settled', row, replayed: true };
  const answer = await chargeWithPolicy(context.providerUrl, chargeCall(row, clientKey), parts.provider);
  return settle(context, client, row, answer);
}

export function chargeCall(row: PaymentRow, clientKey: string) {
  return {
    amountCents: row.amountCents,
    currency: row.currency,
    reference: row.id,
    idempotencyKey: clientKey,
  };
}

/** Records the provider's answer on the row and says how the request ended. */
export async function settle(
  context: PaymentContext,
  client: PoolClient,
  row: PaymentRow,
  answer: ProviderAnswer,
): Promise<CreateOutcome> {
  switch (answer.kind) {
    case 'charged':
      return {
        kind: 'settled',
        row: await settlePayment(client, row.id, 'succeeded', answer.charge),
        replayed: false,
      };
    case 'declined':
      return { kind: 'settled', row: await settlePayment(client, row.id, 'declined', null), replayed: false };
    case 'rejected':
      context.logger.warn(`payment ${row.id}: card provider rejected the charge with ${answer.status}`);
      return { kind: 'settled', row: await settlePayment(client, row.id, 'failed', null), replayed: false };
    case 'server_error':
    case 'unreachable': {
      const reason = answer.kind === 'server_error' ? `answered ${answer.status}` : answer.reason;
      context.parts.reportProviderFailure({ paymentId: row.id, reason }, context);
      return { kind: 'provider_unavailable', row, reason };
    }
  }
}
