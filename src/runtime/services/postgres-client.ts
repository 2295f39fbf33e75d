/** Short-lived pg connections for readiness, database creation and resets. */
import pg from 'pg';

export async function withPostgres<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Undefined when the server accepts a query, else what went wrong. */
export async function probePostgres(url: string): Promise<string | undefined> {
  try {
    await withPostgres(url, (client) => client.query('SELECT 1'));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await withPostgres(adminUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
}

/**
 * Empties every table of the public schema, keeping the schema the implementation created.
 * A lock timeout turns an implementation's stuck transaction into an error, not a hang.
 */
export async function truncateUserTables(url: string): Promise<void> {
  await withPostgres(url, async (client) => {
    await client.query(`SET lock_timeout = '5s'`);
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    if (rows.length === 0) return;
    await client.query(`TRUNCATE TABLE ${rows.map((row) => row.name).join(', ')} RESTART IDENTITY CASCADE`);
  });
}
