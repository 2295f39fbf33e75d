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

/**
 * A database owned by a role of its own that can log in and do nothing else: no superuser (no
 * `COPY … TO PROGRAM`), no other databases or roles. As owner it creates tables in its database
 * (its public schema belongs to the database owner).
 */
export async function createOwnedDatabase(adminUrl: string, name: string, owner: string): Promise<void> {
  await withPostgres(adminUrl, async (client) => {
    const role = client.escapeIdentifier(owner);
    await client.query(
      `CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`,
    );
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} OWNER ${role}`);
  });
}

/** Sets each role's password (ALTER ROLE takes no parameters: the literal is escaped). */
export async function setPasswords(
  adminUrl: string,
  logins: ReadonlyArray<{ user: string; password: string }>,
) {
  await withPostgres(adminUrl, async (client) => {
    for (const { user, password } of logins)
      await client.query(
        `ALTER ROLE ${client.escapeIdentifier(user)} PASSWORD ${client.escapeLiteral(password)}`,
      );
  });
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
