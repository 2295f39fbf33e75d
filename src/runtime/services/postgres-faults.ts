/**
 * PostgreSQL faults the server itself produces, driven by the harness's own connections on the
 * direct URL (never through the fault proxy):
 *
 * - `terminate`: pg_terminate_backend for every backend the target holds, told apart from the
 *   harness's connections by the client port the server sees, which is the local port of one of
 *   the proxy's connections to the server.
 * - `lock`: a transaction of ours holds LOCK TABLE in the chosen mode until the fault is
 *   removed, so the target's statements on the table wait (past their timeouts).
 * - `serialization_failure`: a statement trigger on the table raises SQLSTATE 40001 ("could not
 *   serialize access due to concurrent update") for the statements the fault selects, the error
 *   a serializable transaction gets when it loses a conflict.
 */
import pg from 'pg';
import { unitFromParts } from '../faults/random.js';
import { LOCK_MODES } from '../../postgres-faults.js';
import type { FaultProxy, PostgresFaultSpec, PostgresFaults } from '../types.js';
import { withPostgres } from './postgres-client.js';

/** Draws made up front for a serialization fault without `times`: statements after these pass. */
const MAX_DRAWS = 1000;
/** Our own LOCK TABLE waits at most this long behind the target's locks. */
const LOCK_WAIT = '5s';

interface Active {
  spec: PostgresFaultSpec;
  remove(): Promise<void>;
}

export function createPostgresFaults(directUrl: string, proxy: FaultProxy): PostgresFaults {
  const active = new Map<string, Active>();

  return {
    async add(spec, seed) {
      if (active.has(spec.name)) throw new Error(`fault "${spec.name}" already exists`);
      switch (spec.type) {
        case 'terminate':
          return terminateTargetBackends(directUrl, proxy);
        case 'lock': {
          const held = await holdLock(directUrl, spec);
          active.set(spec.name, { spec, remove: held });
          return `holds ${spec.mode ?? 'access exclusive'} lock on ${spec.table}`;
        }
        case 'serialization_failure': {
          const removal = await installSerializationFailure(directUrl, spec, seed);
          active.set(spec.name, { spec, remove: removal });
          return `statements on ${spec.table} fail with 40001`;
        }
      }
    },
    async remove(name) {
      const entry = active.get(name);
      if (!entry) return false;
      active.delete(name);
      await entry.remove();
      return true;
    },
    faults: () => [...active.values()].map(({ spec }) => ({ ...spec })),
  };
}

async function terminateTargetBackends(directUrl: string, proxy: FaultProxy): Promise<string> {
  const ports = proxy.upstreamPorts();
  if (ports.length === 0) return 'terminated no backend (the target holds no connection)';
  const { rows } = await withPostgres(directUrl, (client) =>
    client.query<{ pid: number; terminated: boolean }>(
      `SELECT pid, pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
       WHERE client_port = ANY($1::int[]) AND client_addr IS NOT DISTINCT FROM inet_client_addr()
         AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      [ports],
    ),
  );
  const pids = rows.filter((row) => row.terminated).map((row) => row.pid);
  return `terminated ${pids.length} backend(s) of the target${pids.length > 0 ? ` (pids ${pids.join(', ')})` : ''}`;
}

/** `schema.table` or `table`, each part quoted, so a spec's name can never be SQL. */
function qualified(client: pg.Client, table: string): string {
  return table
    .split('.')
    .map((part) => client.escapeIdentifier(part))
    .join('.');
}

async function holdLock(directUrl: string, spec: PostgresFaultSpec): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: directUrl, connectionTimeoutMillis: 2000 });
  // The server may be killed while we hold the lock: the lock then goes with it.
  client.on('error', () => undefined);
  await client.connect();
  const mode = spec.mode ?? 'access exclusive';
  // The mode is written into the statement: only PostgreSQL's own mode names get there.
  if (!LOCK_MODES.includes(mode)) throw new Error(`unknown lock mode "${mode}"`);
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
    await client.query(`LOCK TABLE ${qualified(client, spec.table!)} IN ${mode.toUpperCase()} MODE`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(`could not lock ${spec.table}: ${(error as Error).message}`);
  }
  return async () => {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
  };
}

async function installSerializationFailure(
  directUrl: string,
  spec: PostgresFaultSpec,
  seed: number,
): Promise<() => Promise<void>> {
  const count = Math.min(spec.times ?? MAX_DRAWS, MAX_DRAWS);
  // Whether the k-th selected statement fails is drawn from (seed, name, k), as for toxics.
  const draws = Array.from(
    { length: count },
    (_, k) => unitFromParts([seed, spec.name, k + 1, 'toxicity']) < spec.toxicity,
  );
  const id = `specgate_fault_${(unitFromParts([seed, spec.name, 'objects']) * 1e9).toFixed(0)}`;
  const names = await withPostgres(directUrl, async (client) => {
    const table = qualified(client, spec.table!);
    const sequence = client.escapeIdentifier(`${id}_n`);
    const fn = client.escapeIdentifier(`${id}_raise`);
    const trigger = client.escapeIdentifier(id);
    await client.query(`SET lock_timeout = '${LOCK_WAIT}'`);
    await client.query('BEGIN');
    await client.query(`CREATE SEQUENCE ${sequence}`);
    // nextval is not rolled back with the failed statement, so each statement is counted once.
    await client.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $body$
      DECLARE k bigint := nextval('${sequence.replace(/'/g, "''")}');
      BEGIN
        IF k <= ${count} AND (ARRAY[${draws.length > 0 ? draws.join(',') : 'false'}]::boolean[])[k] THEN
          RAISE EXCEPTION 'could not serialize access due to concurrent update'
            USING ERRCODE = 'serialization_failure';
        END IF;
        RETURN NULL;
      END $body$`);
    await client.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
    );
    await client.query('COMMIT');
    return { table, sequence, fn, trigger };
  });
  return () =>
    withPostgres(directUrl, async (client) => {
      await client.query(`SET lock_timeout = '${LOCK_WAIT}'`);
      // A restart with `wipe` took the table (and the trigger) away.
      const { rows } = await client.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [
        names.table,
      ]);
      if (rows[0]?.found) await client.query(`DROP TRIGGER IF EXISTS ${names.trigger} ON ${names.table}`);
      await client.query(`DROP FUNCTION IF EXISTS ${names.fn}()`);
      await client.query(`DROP SEQUENCE IF EXISTS ${names.sequence}`);
    });
}
