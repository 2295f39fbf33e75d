/** One PostgreSQL cluster on disk (initdb) and its server process (the postmaster). */
import { chmod, chown, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnInGroup, type GroupProcess } from '../process/index.js';
import type { PostgresBinaries } from './binaries.js';
import { probePostgres } from './postgres-client.js';
import type { RunAs } from './postgres-user.js';
import { waitForServer } from './readiness.js';

/** The superuser: the harness's own, for administration; never handed to the target. */
export const SUPERUSER = 'postgres';
/** The database every cluster has, for administration (CREATE DATABASE). */
export const ADMIN_DATABASE = 'postgres';

/** A role and its password (random: password.ts). */
export interface Login {
  user: string;
  password: string;
}

const READY_TIMEOUT_MS = 20_000;

/**
 * Without fsync a crash of the machine could lose data, a crash of the server cannot: the
 * WAL still reaches the OS at each commit (synchronous_commit stays on), so `kill` then
 * `start` keeps every committed row, as a real database does.
 */
const SERVER_SETTINGS = ['fsync=off', 'full_page_writes=off', 'listen_addresses=127.0.0.1'];

export function postgresUrl(host: string, port: number, database: string, login: Login): string {
  return `postgres://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@${host}:${port}/${database}`;
}

/** initdb into `dataDir` (emptied first); `workDir` holds the superuser's password file meanwhile. */
export async function initCluster(
  binaries: PostgresBinaries,
  workDir: string,
  dataDir: string,
  runAs: RunAs | undefined,
  superuserPassword: string,
): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const passwordFile = join(workDir, 'password');
  await writeFile(passwordFile, `${superuserPassword}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(dataDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  const initdb = spawnInGroup({
    file: binaries.initdb,
    args: [
      `--pgdata=${dataDir}`,
      '--auth=password',
      `--username=${SUPERUSER}`,
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
      // 1 MiB WAL segments instead of 16: less to copy from the template.
      '--wal-segsize=1',
    ],
    cwd: workDir,
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...runAs,
  });
  const exit = await initdb.exited;
  await initdb.kill();
  await rm(passwordFile, { force: true });
  if (exit.code !== 0) {
    const lines = initdb.recentLines(20).map((line) => `  | ${line}`);
    throw new Error(`initdb failed (${exit.error?.message ?? `code ${exit.code}`}).\n${lines.join('\n')}`);
  }
}

/** Starts the postmaster on `dataDir` and resolves once it accepts the superuser's queries. */
export async function startPostmaster(
  binaries: PostgresBinaries,
  dataDir: string,
  port: number,
  runAs: RunAs | undefined,
  what: string,
  superuserPassword: string,
): Promise<GroupProcess> {
  const child = spawnInGroup({
    file: binaries.postgres,
    args: [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      '',
      ...SERVER_SETTINGS.flatMap((setting) => ['-c', setting]),
    ],
    cwd: dataDir,
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...runAs,
    // SIGINT to the postmaster is PostgreSQL's fast shutdown; it then ends its own children.
    stopSignal: 'SIGINT',
    stopSignalTo: 'leader',
    interruptGraceMs: 5000,
  });
  await waitForServer(
    what,
    child,
    () =>
      probePostgres(
        postgresUrl('127.0.0.1', port, ADMIN_DATABASE, { user: SUPERUSER, password: superuserPassword }),
      ),
    READY_TIMEOUT_MS,
  );
  return child;
}

/** The postgres user must reach its data dir inside our root-owned temp dirs (search bit only). */
export async function allowTraversal(...dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    const { mode } = await stat(dir);
    await chmod(dir, (mode & 0o7777) | 0o011);
  }
}
