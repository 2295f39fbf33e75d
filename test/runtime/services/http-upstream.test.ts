/**
 * The HTTP upstream against real HTTP: a mockttp server behind the fault proxy, called with
 * undici's fetch on 127.0.0.1. Rules, sequences, templates, recording, reset, and each fault.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Place, ServiceConfig } from '../../../src/ir.js';
import { createTempDir, removeTempDir } from '../../../src/runtime/process/index.js';
import { startService } from '../../../src/runtime/services/index.js';
import type { RunningService } from '../../../src/runtime/types.js';

const place: Place = {
  file: 'spec.md',
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

const config: ServiceConfig = {
  kind: 'http',
  env: 'PROVIDER_URL',
  http: {
    rules: [
      {
        method: 'POST',
        path: '/charges',
        headers: { 'idempotency-key': { $present: true } },
        body: { currency: 'EUR' },
        answers: [
          { status: 503, times: 2, json: { error: 'busy' } },
          {
            status: 201,
            headers: { 'x-key': '{{ request.headers."idempotency-key" }}' },
            json: {
              id: 'ch_{{ call }}',
              amount: '{{ request.body.amount_cents }}',
              prefix: '{{ vars.prefix }}',
            },
          },
        ],
        place,
      },
      { method: 'POST', path: '/charges', answers: [{ status: 201, json: { id: 'ch_plain' } }], place },
      {
        method: 'GET',
        path: '/charges/:id',
        answers: [{ status: 200, json: { id: '{{ request.params.id }}' } }],
        place,
      },
    ],
    otherwise: { status: 404, json: { error: 'no_rule' } },
  },
};

let tempRoot: string;
let provider: RunningService;
beforeAll(async () => {
  tempRoot = await createTempDir('http-upstream-test');
  provider = await startService('provider', config, { tempRoot, seed: 7, vars: { prefix: 'p' } });
});
afterAll(async () => {
  await provider?.stop();
  await removeTempDir(tempRoot);
});

const charge = (body: unknown, key = 'k-1') =>
  fetch(`${provider.proxiedUrl}/charges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });

async function outcome(response: Promise<Response>): Promise<string> {
  try {
    const answered = await response;
    return `${answered.status} ${await answered.text()}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return `error ${cause?.code ?? cause?.message ?? String(error)}`;
  }
}

describe('http upstream', () => {
  test('the first matching rule answers; a sequence walks its answers, the last repeats; templates see the request', async () => {
    await provider.reset();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await charge({ amount_cents: 250, currency: 'EUR' })).status);
    expect(statuses).toEqual([503, 503, 201, 201]);
    const last = await charge({ amount_cents: 250, currency: 'EUR' }, 'key-9');
    expect(last.headers.get('x-key')).toBe('key-9');
    expect(await last.json()).toEqual({ id: 'ch_4', amount: 250, prefix: 'p' });
    expect(await (await charge({ amount_cents: 1, currency: 'USD' })).json()).toEqual({ id: 'ch_plain' });
    expect(await (await fetch(`${provider.proxiedUrl}/charges/ch_77`)).json()).toEqual({ id: 'ch_77' });
    const missing = await fetch(`${provider.proxiedUrl}/refunds`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no_rule' });
  });

  test('calls are recorded in order with their arrival time; reset forgets them and restarts sequences', async () => {
    await provider.reset();
    await charge({ amount_cents: 5, currency: 'EUR' }, 'a');
    await fetch(`${provider.proxiedUrl}/charges/x?expand=1`);
    const calls = provider.http!.calls();
    expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /charges', 'GET /charges/x']);
    expect(calls[0]!.headers['idempotency-key']).toBe('a');
    expect(calls[0]!.body).toEqual({ amount_cents: 5, currency: 'EUR' });
    expect(calls[1]!.query).toEqual({ expand: '1' });
    expect(calls[1]!.at).toBeGreaterThanOrEqual(calls[0]!.at);
    await provider.reset();
    expect(provider.http!.calls()).toEqual([]);
    expect((await charge({ amount_cents: 5, currency: 'EUR' })).status).toBe(503);
  });

  test('a status fault answers the first N selected calls with Retry-After, then the rules answer again', async () => {
    await provider.reset();
    await provider.http!.addFault(
      { name: 'busy', type: 'status', status: 429, retryAfter: 2, times: 2, method: 'GET', toxicity: 1 },
      Math.random,
    );
    const first = await fetch(`${provider.proxiedUrl}/charges/a`);
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '2']);
    expect((await fetch(`${provider.proxiedUrl}/charges/a`)).status).toBe(429);
    expect((await fetch(`${provider.proxiedUrl}/charges/a`)).status).toBe(200);
    expect((await charge({ amount_cents: 1, currency: 'USD' })).status).toBe(201);
  });

  test('latency delays the rules answer; removing the fault ends it', async () => {
    await provider.reset();
    await provider.http!.addFault({ name: 'slow', type: 'latency', delay: 300, toxicity: 1 }, Math.random);
    const started = performance.now();
    expect((await fetch(`${provider.proxiedUrl}/charges/a`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await provider.http!.removeFault('slow');
    const again = performance.now();
    await fetch(`${provider.proxiedUrl}/charges/a`);
    expect(performance.now() - again).toBeLessThan(290);
  });

  test('reset, no answer, close mid-body and malformed JSON reach the caller as such', async () => {
    await provider.reset();
    const add = (type: 'reset' | 'no_answer' | 'close_mid_body' | 'malformed_json') =>
      provider.http!.addFault({ name: 'f', type, toxicity: 1 }, Math.random);
    await add('reset');
    expect(await outcome(fetch(`${provider.proxiedUrl}/charges/a`))).toMatch(
      /^error (ECONNRESET|UND_ERR_SOCKET)/,
    );
    await add('no_answer');
    expect(
      await outcome(fetch(`${provider.proxiedUrl}/charges/a`, { signal: AbortSignal.timeout(400) })),
    ).toMatch(/TimeoutError|aborted|timeout/i);
    await add('close_mid_body');
    for (let i = 0; i < 20; i++) {
      // More calls than the pool of stream rules: it is refilled.
      expect(
        await outcome(
          fetch(`${provider.proxiedUrl}/charges/a`).then(async (r) => {
            await r.text();
            return r;
          }),
        ),
      ).toMatch(/^error /);
    }
    await add('malformed_json');
    const malformed = await fetch(`${provider.proxiedUrl}/charges/a`);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    await provider.reset();
    expect((await fetch(`${provider.proxiedUrl}/charges/a`)).status).toBe(200);
  });

  test('toxicity draws from the given random: 0 never selects', async () => {
    await provider.reset();
    await provider.http!.addFault({ name: 'never', type: 'reset', toxicity: 0.5 }, () => 0.9);
    expect((await fetch(`${provider.proxiedUrl}/charges/a`)).status).toBe(200);
  });

  test('kill refuses connections through the proxy; start answers again on the same port', async () => {
    await provider.reset();
    await provider.kill();
    expect(await outcome(fetch(`${provider.proxiedUrl}/charges/a`))).toBe('error ECONNREFUSED');
    await provider.start();
    expect((await fetch(`${provider.proxiedUrl}/charges/a`)).status).toBe(200);
  });

  test('TCP toxics of the proxy apply in front of the mock', async () => {
    await provider.reset();
    provider.proxy.addToxic({
      name: 'down',
      type: 'down',
      stream: 'downstream',
      toxicity: 1,
      attributes: {},
    });
    expect(await outcome(fetch(`${provider.proxiedUrl}/charges/a`))).toMatch(/^error /);
    provider.proxy.removeAll();
    // Healing `down` listens again: bounded wait for the port to accept.
    await expect
      .poll(() => outcome(fetch(`${provider.proxiedUrl}/charges/a`)), { timeout: 2000 })
      .toMatch(/^200 /);
  });
});
