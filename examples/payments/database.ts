/**
 * PostgreSQL access: the pool, the `payments` table, and the per-key lock.
 *
 * One request at a time may charge a given key. The lock is a session-level advisory lock
 * on the pooled client that handles the request, held across the provider call: a second
 * request on the key fails to take it and answers 409, and a request whose connection dies
 * loses the lock with its session, so nothing stays locked. The lock comes before the row
 * is inserted, so the request that created a row is the one that charges it.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import type { PaymentRequest, PaymentRow, PaymentStatus } from './contract.js';

export interface DatabaseTimeouts {
  /** Give up connecting (database down or blackholed) after this long. */
  connectMs: number;
  /** Client- and server-side bound on each statement. */
  statementMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 1_500, statementMs: 2_000 };

export function createDatabasePool(
  connectionString: string,
  timeouts: DatabaseTimeouts,
  log: (line: string) => void,
): Pool {
  const pool = new pg.Pool({
    connectionString,
    // Each request holds a client across its provider call; concurrent requests on one key
    // must each get a client at once, or they would queue instead of answering 409.
    max: 32,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.statementMs,
    statement_timeout: timeouts.statementMs,
    idleTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // An idle client whose connection drops emits here; without a listener the process would crash.
  pool.on('error', (error) => log(`database: idle connection lost: ${error.message}`));
  return pool;
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS payments (
  id text PRIMARY KEY,
  idempotency_key text UNIQUE NOT NULL,
  request_hash text NOT NULL,
  status text NOT NULL,
  charge text,
  amount_cents integer NOT NULL,
  currency char(3) NOT NULL,
  customer text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
)`;

/** Taken around CREATE TABLE: concurrent CREATE TABLE IF NOT EXISTS can otherwise collide. */
const TABLE_LOCK_ID = '7301938214117422002';

export async function createTableIfMissing(pool: Pool): Promise<void> {
  await withClient(pool, async (client) => {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [TABLE_LOCK_ID]);
    await client.query(CREATE_TABLE);
    await client.query('COMMIT');
  });
}

/** A 64-bit advisory lock id for a stored key (a hash: two keys sharing one only wait on each other). */
function lockIdFor(storedKey: string): string {
  const digest = createHash('sha256').update(`payments:${storedKey}`).digest();
  return digest.readBigInt64BE(0).toString();
}

/** Takes the key's lock if it is free; never waits. */
export async function tryLockKey(client: PoolClient, storedKey: string): Promise<boolean> {
  const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
    lockIdFor(storedKey),
  ]);
  return result.rows[0]!.locked;
}

/** Waits for the key's lock. */
export async function waitForKeyLock(client: PoolClient, storedKey: string): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [lockIdFor(storedKey)]);
}

export async function unlockKey(client: PoolClient, storedKey: string): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1)', [lockIdFor(storedKey)]);
}

interface StoredRow {
  id: string;
  idempotency_key: string;
  request_hash: string;
  status: PaymentStatus;
  charge: string | null;
  amount_cents: number;
  currency: string;
  customer: string;
  created_at: Date;
}

function fromStored(row: StoredRow): PaymentRow {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    status: row.status,
    charge: row.charge,
    amountCents: row.amount_cents,
    currency: row.currency,
    customer: row.customer,
    createdAt: row.created_at,
  };
}

/** Inserts a `pending` row for the key, or finds the one already there; `created` says which. */
export async function insertPendingOrFind(
  client: PoolClient,
  fresh: { id: string; storedKey: string; requestHash: string; payment: PaymentRequest },
): Promise<{ row: PaymentRow; created: boolean }> {
  const inserted = await client.query<StoredRow>(
    `INSERT INTO payments (id, idempotency_key, request_hash, status, amount_cents, currency, customer)
     VALUES ($1, $2, $3, 'pending', $4, $5, $6)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING *`,
    [
      fresh.id,
      fresh.storedKey,
      fresh.requestHash,
      fresh.payment.amountCents,
      fresh.payment.currency,
      fresh.payment.customer,
    ],
  );
  if (inserted.rows[0]) return { row: fromStored(inserted.rows[0]), created: true };
  const existing = await findByKey(client, fresh.storedKey);
  // Deleted between the two statements (only by hand): the caller may simply retry.
  if (!existing) throw new Error(`payment for key ${fresh.storedKey} vanished`);
  return { row: existing, created: false };
}

export async function findByKey(client: PoolClient, storedKey: string): Promise<PaymentRow | undefined> {
  const result = await client.query<StoredRow>('SELECT * FROM payments WHERE idempotency_key = $1', [
    storedKey,
  ]);
  return result.rows[0] ? fromStored(result.rows[0]) : undefined;
}

export async function findById(pool: Pool, id: string): Promise<PaymentRow | undefined> {
  const result = await pool.query<StoredRow>('SELECT * FROM payments WHERE id = $1', [id]);
  return result.rows[0] ? fromStored(result.rows[0]) : undefined;
}

export async function deletePayment(client: PoolClient, id: string): Promise<void> {
  await client.query('DELETE FROM payments WHERE id = $1', [id]);
}

export async function settlePayment(
  client: PoolClient,
  id: string,
  status: PaymentStatus,
  charge: string | null,
): Promise<PaymentRow> {
  const result = await client.query<StoredRow>(
    'UPDATE payments SET status = $2, charge = $3 WHERE id = $1 RETURNING *',
    [id, status, charge],
  );
  return fromStored(result.rows[0]!);
}

/**
 * Runs `work` on a pooled client. After a failure the client is destroyed rather than
 * reused: its connection may be dead or hung, and closing the session frees its locks.
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

/** Whether an error means the table is missing (dropped since start-up). */
export function isMissingTable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '42P01';
}
