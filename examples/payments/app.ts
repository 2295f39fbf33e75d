/**
 * The payments service as a request handler, for in-process use (`createPaymentsApp`) and for
 * server.ts. Routes: GET /healthz (200 whether or not the dependencies are up), GET /metrics,
 * POST /payments, GET /payments/{id}.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { paymentBody } from './answers.js';
import type { CreateOutcome, HttpAnswer } from './contract.js';
import { createDatabasePool, DEFAULT_DATABASE_TIMEOUTS, findById } from './database.js';
import type { DatabaseTimeouts } from './database.js';
import { createLineLogger } from './logger.js';
import type { Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { REFERENCE_PARTS } from './parts.js';
import type { PaymentsParts } from './parts.js';
import { keepTable, messageOf } from './table.js';
import { isValidIdempotencyKey, validatePayment } from './validation.js';

export interface PaymentsAppOptions {
  /** Default: env DATABASE_URL. */
  databaseUrl?: string;
  /** Default: env PROVIDER_URL. */
  providerUrl?: string;
  /** Decisions to replace; the rest are the reference's. */
  parts?: Partial<PaymentsParts>;
  databaseTimeouts?: DatabaseTimeouts;
  /** Default: plain-text lines on stdout. */
  logger?: Logger;
}

export interface PaymentsApp {
  handler: (request: IncomingMessage, response: ServerResponse) => void;
  /** Stops retrying the table creation and closes the database pool; call after the server stopped. */
  close(): Promise<void>;
}

/** A create body is a few dozen bytes; anything this large is not one. */
const MAX_BODY_BYTES = 64 * 1024;
const PAYMENT_PATH = /^\/payments\/([^/]+)$/;

export function createPaymentsApp(options: PaymentsAppOptions = {}): PaymentsApp {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const providerUrl = options.providerUrl ?? process.env.PROVIDER_URL;
  if (!databaseUrl) throw new Error('payments: DATABASE_URL is not set');
  if (!providerUrl) throw new Error('payments: PROVIDER_URL is not set');
  const parts: PaymentsParts = { ...REFERENCE_PARTS, ...options.parts };
  const logger = options.logger ?? createLineLogger();
  const metrics = createMetrics();
  const pool = createDatabasePool(
    databaseUrl,
    options.databaseTimeouts ?? DEFAULT_DATABASE_TIMEOUTS,
    (line) => logger.info(line),
  );
  const table = keepTable(pool, logger);
  const context = { pool, providerUrl, parts, logger, metrics };

  async function create(request: IncomingMessage): Promise<{ outcome: CreateOutcome; answer: HttpAnswer }> {
    const text = await readBody(request);
    const key = request.headers['idempotency-key'];
    let outcome: CreateOutcome;
    if (!isValidIdempotencyKey(key)) outcome = { kind: 'missing_idempotency_key' };
    else if (text === undefined) outcome = { kind: 'invalid_payment', field: 'body' };
    else {
      const validation = validatePayment(text);
      if (!validation.ok) outcome = { kind: 'invalid_payment', field: validation.field };
      else {
        const payment = validation.payment;
        outcome = await table
          .withTable(() => parts.createPayment(context, key, payment))
          .catch((cause: unknown) => ({ kind: 'database_unavailable', cause }) as const);
      }
    }
    return { outcome, answer: parts.respond(outcome) };
  }

  async function read(id: string): Promise<HttpAnswer> {
    try {
      const row = await table.withTable(() => findById(pool, id));
      return row ? { status: 200, body: paymentBody(row) } : { status: 404, body: { error: 'not_found' } };
    } catch (error) {
      logger.warn(`GET /payments/${id}: database unavailable (${messageOf(error)})`);
      return { status: 503, body: { error: 'unavailable' } };
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const started = performance.now();
    if (request.method === 'GET' && path === '/healthz')
      return send(response, { status: 200, body: { ok: true } });
    if (request.method === 'GET' && path === '/metrics') {
      const text = await metrics.render();
      response.writeHead(200, { 'content-type': metrics.contentType });
      response.end(text);
      return;
    }
    if (request.method === 'POST' && path === '/payments') {
      const { outcome, answer } = await create(request);
      const replay = outcome.kind === 'settled' && outcome.replayed;
      sendText(response, answer.status, parts.serialise(answer, { replay }));
      logger.info(
        `POST /payments ${answer.status} ${describe(outcome)} in ${Math.round(performance.now() - started)} ms`,
      );
      return;
    }
    const match = PAYMENT_PATH.exec(path);
    if (request.method === 'GET' && match) return send(response, await read(decodeURIComponent(match[1]!)));
    send(response, { status: 404, body: { error: 'not_found' } });
  }

  return {
    handler(request, response) {
      handle(request, response).catch((error: unknown) => {
        logger.warn(`${request.method} ${request.url} failed: ${messageOf(error)}`);
        if (!response.headersSent) send(response, { status: 500, body: { error: 'internal' } });
        else response.destroy();
      });
    },
    async close() {
      table.stop();
      await pool.end();
    },
  };
}

export default createPaymentsApp;

/** The body as text, or `undefined` when it is larger than a create body can be. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : undefined;
}

function send(response: ServerResponse, answer: HttpAnswer): void {
  sendText(response, answer.status, JSON.stringify(answer.body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function describe(outcome: CreateOutcome): string {
  switch (outcome.kind) {
    case 'settled':
      return `${outcome.row.id} ${outcome.row.status}`;
    case 'provider_unavailable':
      return `${outcome.row.id} pending (provider: ${outcome.reason})`;
    case 'database_unavailable':
      return `database unavailable: ${messageOf(outcome.cause)}`;
    case 'invalid_payment':
      return `invalid_payment ${outcome.field}`;
    default:
      return outcome.kind;
  }
}
