/**
 * The CSV import service as a request handler, for in-process use (`createCsvImportApp`)
 * and for server.ts. Routes: GET /healthz (200 whether or not the database is up) and
 * POST /imports.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { readBodyWithLimit } from './body.js';
import type { HttpAnswer, ImportOutcome } from './contract.js';
import { createDatabasePool, DEFAULT_DATABASE_TIMEOUTS, prepareTable } from './database.js';
import type { DatabaseTimeouts } from './database.js';
import { importCsv, referenceParts } from './pipeline.js';
import type { CsvImportParts } from './pipeline.js';

export interface CsvImportAppOptions {
  /** Default: env DATABASE_URL. Without one the service runs and every import answers 503. */
  databaseUrl?: string;
  /** Default: the contract (`referenceParts`); variants replace one part. */
  parts?: CsvImportParts;
  databaseTimeouts?: DatabaseTimeouts;
  /** One line per event; default stdout. */
  log?: (line: string) => void;
}

export interface CsvImportApp {
  handler: (request: IncomingMessage, response: ServerResponse) => void;
  /** Stops retrying the table creation and closes the database pool. */
  close(): Promise<void>;
}

/** How often to retry creating the table while the database is unreachable at start-up. */
const TABLE_RETRY_MS = 1_000;
/** After a 413 too_large the rest of the body is read and discarded, for at most this long. */
const DISCARD_OVERSIZED_BODY_MS = 10_000;

export function createCsvImportApp(options: CsvImportAppOptions = {}): CsvImportApp {
  const parts = options.parts ?? referenceParts;
  const log = options.log ?? ((line: string) => console.log(line));
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const pool = databaseUrl
    ? createDatabasePool(databaseUrl, options.databaseTimeouts ?? DEFAULT_DATABASE_TIMEOUTS, log)
    : undefined;
  if (!pool) log('csv-import: DATABASE_URL is not set; imports will answer 503');
  const tableCreation = pool ? createTableWhenReachable(pool, log) : undefined;

  const handleImport = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const body = await readBodyWithLimit(request, parts.limits.maxBodyBytes);
    if (body.kind === 'aborted') return;
    const outcome: ImportOutcome =
      body.kind === 'too_large' ? { kind: 'too_large' } : await importCsv(body.bytes, parts, pool);
    if (body.kind === 'too_large') discardRestOfBody(request, response);
    send(response, parts.respond(outcome));
    log(`csv-import: POST /imports ${describe(outcome)} in ${Math.round(performance.now() - started)} ms`);
  };

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz' && request.method === 'GET')
      return send(response, { status: 200, body: { status: 'ok' } });
    if (path === '/imports' && request.method === 'POST') {
      handleImport(request, response).catch((error: unknown) => {
        log(`csv-import: POST /imports failed: ${errorMessage(error)}`);
        if (!response.headersSent) send(response, { status: 500, body: { error: 'internal' } });
      });
      return;
    }
    if (path === '/imports' || path === '/healthz') {
      response.setHeader('Allow', path === '/imports' ? 'POST' : 'GET');
      return send(response, { status: 405, body: { error: 'method_not_allowed' } });
    }
    send(response, { status: 404, body: { error: 'not_found' } });
  };

  return {
    handler,
    async close() {
      tableCreation?.stop();
      await pool?.end();
    },
  };
}

/**
 * Creates the table as soon as the database answers, so that it exists (empty) even
 * before the first successful import; every import also creates it if missing.
 */
function createTableWhenReachable(pool: Pool, log: (line: string) => void): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let reported = false;
  const attempt = () => {
    prepareTable(pool).then(
      () => log('csv-import: table transactions ready'),
      (error: unknown) => {
        if (!reported) log(`csv-import: cannot create the table yet (${errorMessage(error)}); retrying`);
        reported = true;
        if (!stopped) timer = setTimeout(attempt, TABLE_RETRY_MS).unref();
      },
    );
  };
  attempt();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** The client may still be sending: read on so it can finish and see the 413, then close. */
function discardRestOfBody(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Connection', 'close');
  const deadline = setTimeout(() => request.destroy(), DISCARD_OVERSIZED_BODY_MS).unref();
  request.once('close', () => clearTimeout(deadline));
  request.resume();
}

function send(response: ServerResponse, answer: HttpAnswer): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function describe(outcome: ImportOutcome): string {
  switch (outcome.kind) {
    case 'imported':
      return `imported=${outcome.imported} skipped_duplicates=${outcome.skippedDuplicates}`;
    case 'invalid_rows':
      return `invalid_rows (${outcome.rows.length} records, first ${outcome.rows[0]})`;
    case 'unavailable':
      return `unavailable: ${errorMessage(outcome.cause)}`;
    default:
      return outcome.kind;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
