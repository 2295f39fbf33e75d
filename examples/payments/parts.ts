/**
 * The payments service's seams. The app composes one implementation of each; the known-bad
 * variants under `variants/` replace exactly one, so the reference never branches on which
 * variant it is.
 */
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { respondPerContract } from './answers.js';
import type { CreateOutcome, HttpAnswer, PaymentRequest, PaymentRow } from './contract.js';
import { tryLockKey, unlockKey } from './database.js';
import type { Logger } from './logger.js';
import type { PaymentContext } from './payments.js';
import { createPayment } from './payments.js';
import type { PaymentsMetrics } from './metrics.js';
import { CONTRACT_PROVIDER_POLICY } from './provider.js';
import type { ProviderPolicy } from './provider.js';

/** Holds one key for one request while it charges; `acquire` false means another request has it. */
export interface KeyLock {
  acquire(client: PoolClient, storedKey: string): Promise<boolean>;
  release(client: PoolClient, storedKey: string): Promise<void>;
}

export interface PaymentsParts {
  /** The key under which a payment is stored (the contract: the client's key, global). */
  storedKey(clientKey: string, payment: PaymentRequest): string;
  /** What decides "the same body" (the contract: amount, currency and customer). */
  requestHash(payment: PaymentRequest): string;
  /** Whether a stored key still holds its payment (the contract: at least 24 h; we keep them). */
  keyIsLive(row: PaymentRow, now: Date): boolean;
  /** Whether a replay gets the stored answer (else the provider is asked again). */
  isSettled(row: PaymentRow): boolean;
  keyLock: KeyLock;
  /** The whole create flow, given a valid request (the contract: the row before the charge). */
  createPayment: CreatePayment;
  provider: ProviderPolicy;
  /** Called once per request the provider gave no usable answer to. */
  reportProviderFailure(
    report: { paymentId: string; reason: string },
    sinks: { logger: Logger; metrics: PaymentsMetrics },
  ): void;
  respond(outcome: CreateOutcome): HttpAnswer;
  /** The text of a JSON answer body. */
  serialise(answer: HttpAnswer, context: { replay: boolean }): string;
}

export type CreatePayment = (
  context: PaymentContext,
  clientKey: string,
  payment: PaymentRequest,
) => Promise<CreateOutcome>;

export const sessionKeyLock: KeyLock = { acquire: tryLockKey, release: unlockKey };

export function hashRequest(payment: PaymentRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([payment.amountCents, payment.currency, payment.customer]))
    .digest('hex');
}

export const REFERENCE_PARTS: PaymentsParts = {
  storedKey: (clientKey) => clientKey,
  requestHash: hashRequest,
  keyIsLive: () => true,
  isSettled: (row) => row.status !== 'pending',
  keyLock: sessionKeyLock,
  createPayment,
  provider: CONTRACT_PROVIDER_POLICY,
  reportProviderFailure: ({ paymentId, reason }, { logger, metrics }) => {
    metrics.providerErrors.inc();
    logger.warn(`payment ${paymentId}: card provider unavailable (${reason}); the payment stays pending`);
  },
  respond: respondPerContract,
  serialise: (answer) => JSON.stringify(answer.body),
};
