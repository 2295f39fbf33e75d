/**
 * PostgreSQL access: the pool, the table, and the one-transaction import.
 *
 * Concurrent uploads: every import takes the same transaction-level advisory lock
 * (pg_advisory_xact_lock) before reading the stored keys, so imports are serialised
 * and none can miss a key another is about to commit. We chose the lock over a unique
 * index + ON CONFLICT DO NOTHING because the duplicate rule then lives in one place
 * (`DuplicateKey`, applied to stored rows and to the file alike) and the table stays
 * exactly the contract's. The lock is released by COMMIT, ROLLBACK or a dropped session.
 */
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import type { ImportCounts, TransactionRow } from './contract.js';

export interface DatabaseTimeouts {
  /** Give up connecting (DB down or blackholed) after this long. */
  connectMs: number;
  /** Client- and server-side bound on each statement, including the wait for the import lock. */
  statementMs: number;
  /** The server ends a session idle inside a transaction after this long, freeing the import lock of a client that vanished. */
  idleInTransactionMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 2_000,
  statementMs: 10_000,
  idleInTransactionMs: 5_000,
};

export function createDatabasePool(
  connectionString: string,
  timeouts: DatabaseTimeouts,
  log: (line: string) => void,
): Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.statementMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    idleTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // An idle client whose connection drops emits here; without a listener the process would crash.
  pool.on('error', (error) => log(`database: idle connection lost: ${error.message}`));
  return pool;
}

/** An arbitrary 64-bit key that nothing else in the database locks. */
const IMPORT_LOCK_ID = 7_301_938_214_117_422_001n;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS transactions (
  id bigserial PRIMARY KEY,
  date date NOT NULL,
  amount_cents bigint NOT NULL,
  currency char(3) NOT NULL,
  description text NOT NULL
)`;

/** Inside a transaction holding the import lock: concurrent CREATE TABLE IF NOT EXISTS can otherwise collide. */
export async function createTableIfMissing(client: PoolClient): Promise<void> {
  await client.query(CREATE_TABLE);
}

/** Takes the import lock and makes sure the table exists (it may have been dropped since start-up). */
export async function beginImportTransaction(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_ID.toString()]);
  await createTableIfMissing(client);
}

/** Creates the table outside an import (at start-up), under the same lock as imports. */
export async function prepareTable(pool: Pool): Promise<void> {
  await withClient(pool, async (client) => {
    await beginImportTransaction(client);
    await client.query('COMMIT');
  });
}

/** Stored rows that may share a key with `rows`: every key contains the date. */
export async function loadStoredRows(
  client: PoolClient,
  rows: readonly TransactionRow[],
): Promise<TransactionRow[]> {
  const dates = [...new Set(rows.map((row) => row.date))];
  if (dates.length === 0) return [];
  const result = await client.query<{
    date: string;
    amount_cents: string;
    currency: string;
    description: string;
  }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, amount_cents::text AS amount_cents, currency, description
       FROM transactions WHERE date = ANY($1::date[])`,
    [dates],
  );
  return result.rows.map((stored) => {
    const amountCents = Number(stored.amount_cents);
    return {
      date: stored.date,
      amountCents,
      currency: stored.currency,
      description: stored.description,
      asWritten: { amount: formatCents(amountCents), description: stored.description },
    };
  });
}

export function formatCents(cents: number): string {
  const magnitude = Math.abs(cents);
  const units = Math.trunc(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${units}.${fraction}`;
}

/** One statement whatever the number of rows: four arrays unnested in file order. */
export async function insertRows(client: PoolClient, rows: readonly TransactionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO transactions (date, amount_cents, currency, description)
     SELECT * FROM unnest($1::date[], $2::bigint[], $3::text[], $4::text[])`,
    [
      rows.map((row) => row.date),
      rows.map((row) => row.amountCents),
      rows.map((row) => row.currency),
      rows.map((row) => row.description),
    ],
  );
}

/**
 * Picks the rows to insert once the stored rows are known (duplicate rule).
 * `candidates` are the rows the current transaction is writing.
 */
export type RowSelector = (
  candidates: readonly TransactionRow[],
  stored: readonly TransactionRow[],
) => TransactionRow[];

/** Writes an import; throws when the database fails, with nothing of it stored. */
export type WriteImport = (
  pool: Pool,
  rows: readonly TransactionRow[],
  select: RowSelector,
) => Promise<ImportCounts>;

/** The whole import in one transaction: a failure anywhere leaves the table as it was. */
export const writeInOneTransaction: WriteImport = async (pool, rows, select) =>
  withClient(pool, async (client) => {
    await beginImportTransaction(client);
    const fresh = select(rows, await loadStoredRows(client, rows));
    await insertRows(client, fresh);
    await client.query('COMMIT');
    return { imported: fresh.length, skippedDuplicates: rows.length - fresh.length };
  });

/**
 * Runs `work` on a pooled client. After a failure the client is destroyed rather than
 * rolled back: its connection may be dead or hung, and closing the session makes the
 * server roll back and release the lock anyway.
 */
export async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // The pool stops listening for errors on a checked-out client; a dropped connection
  // would otherwise crash the process. The failing query rejects on its own.
  let connectionError: Error | undefined;
  const onError = (error: Error) => {
    connectionError = error;
  };
  client.on('error', onError);
  try {
    const result = await work(client);
    client.off('error', onError);
    client.release(connectionError);
    return result;
  } catch (error) {
    client.off('error', onError);
    client.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
