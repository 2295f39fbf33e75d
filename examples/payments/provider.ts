/**
 * The card provider over HTTP: one charge call (`callProvider`) under a deadline, and the
 * retry policy around it (`chargeWithPolicy`). A new connection per call (no keep-alive), so
 * a provider that restarted or a connection a fault left behind never answers for the next.
 */
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProviderAnswer } from './contract.js';

export interface ChargeCall {
  amountCents: number;
  currency: string;
  /** The payment id, sent as `reference`. */
  reference: string;
  /** Sent as the `Idempotency-Key` header: the provider deduplicates by it. */
  idempotencyKey: string;
}

/** Answers larger than this are not a charge answer; reading stops there. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POST {providerUrl}/charges. Never throws: every failure is an answer of kind `unreachable`.
 * `deadlineMs` bounds the whole exchange, from connecting to the answer's last byte.
 */
export function callProvider(
  providerUrl: string,
  call: ChargeCall,
  deadlineMs: number,
): Promise<ProviderAnswer> {
  const body = JSON.stringify({
    amount_cents: call.amountCents,
    currency: call.currency,
    reference: call.reference,
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: ProviderAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outgoing.destroy();
      resolve(answer);
    };
    const outgoing = request(new URL('/charges', providerUrl), {
      method: 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'idempotency-key': call.idempotencyKey,
      },
    });
    const deadline = setTimeout(
      () => finish({ kind: 'unreachable', reason: `no answer within ${deadlineMs} ms` }),
      deadlineMs,
    );
    outgoing.on('error', (error) => finish({ kind: 'unreachable', reason: error.message }));
    outgoing.on('response', (answer) => {
      const chunks: Buffer[] = [];
      let size = 0;
      answer.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) finish({ kind: 'unreachable', reason: 'answer too large' });
        else chunks.push(chunk);
      });
      answer.on('error', (error) => finish({ kind: 'unreachable', reason: error.message }));
      answer.on('aborted', () => finish({ kind: 'unreachable', reason: 'answer cut short' }));
      answer.on('end', () =>
        finish(interpretAnswer(answer.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))),
      );
    });
    outgoing.end(body);
  });
}

/** The provider's status and body → what it means for the payment. */
export function interpretAnswer(status: number, text: string): ProviderAnswer {
  if (status >= 500) return { kind: 'server_error', status };
  if (status === 402) return { kind: 'declined' };
  if (status === 201 || status === 200) {
    const charge = chargeIdOf(text);
    // A success without a readable charge id may still have charged: keep the payment
    // pending, so the client's replay asks again (the provider deduplicates by key).
    return charge === undefined
      ? { kind: 'unreachable', reason: `unreadable ${status} answer` }
      : { kind: 'charged', charge };
  }
  return { kind: 'rejected', status };
}

function chargeIdOf(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    const id = (parsed as { id?: unknown } | null)?.id;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** How the service calls the provider for one payment. */
export interface ProviderPolicy {
  /** Per call; the contract's 2 s. */
  deadlineMs: number;
  /** Which answers get a second call (the contract: 5xx only). */
  retries(answer: ProviderAnswer): boolean;
  /** The pause before the second call. */
  retryDelayMs: number;
  /** The `Idempotency-Key` of the second call (the contract: the client's key again). */
  retryKey(clientKey: string): string;
}

export const CONTRACT_PROVIDER_POLICY: ProviderPolicy = {
  deadlineMs: 2_000,
  retries: (answer) => answer.kind === 'server_error',
  retryDelayMs: 100,
  retryKey: (clientKey) => clientKey,
};

/** One call, and at most one retry as the policy says. */
export async function chargeWithPolicy(
  providerUrl: string,
  call: ChargeCall,
  policy: ProviderPolicy,
): Promise<ProviderAnswer> {
  const first = await callProvider(providerUrl, call, policy.deadlineMs);
  if (!policy.retries(first)) return first;
  await sleep(policy.retryDelayMs);
  return callProvider(
    providerUrl,
    { ...call, idempotencyKey: policy.retryKey(call.idempotencyKey) },
    policy.deadlineMs,
  );
}
