/**
 * initdb dominates a PostgreSQL start (0.5 s idle, several seconds on a loaded machine).
 * It runs once into a template cluster that already holds the run's database; every new
 * or wiped service then starts from a copy. The template is also kept in the project's
 * `node_modules/.cache/specgate/`, so later processes (each `specgate test`) skip initdb.
 * The template's superuser password is kept beside it (mode 0600): each cluster started
 * from a copy replaces it with its own at once (postgres.ts).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import getPort from 'get-port';
import { createTempDir } from '../process/index.js';
import type { PostgresBinaries } from './binaries.js';
import { createOwnedDatabase } from './postgres-client.js';
import {
  ADMIN_DATABASE,
  allowTraversal,
  initCluster,
  postgresUrl,
  startPostmaster,
  SUPERUSER,
} from './postgres-cluster.js';
import type { RunAs } from './postgres-user.js';
import { randomPassword } from './password.js';

const run = promisify(execFile);

/** A stopped cluster holding `database`, owned by the role of the same name (no password yet). */
export interface ClusterTemplate {
  dataDir: string;
  superuserPassword: string;
}

let template: Promise<ClusterTemplate> | undefined;

/** The stopped template cluster with `database` created; built on first use. */
export function clusterTemplate(
  binaries: PostgresBinaries,
  runAs: RunAs | undefined,
  database: string,
): Promise<ClusterTemplate> {
  template ??= cachedTemplate(binaries, runAs, database).catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
}

/** Written last into a cached template: a cache entry without it is incomplete and ignored. */
const COMPLETE_MARKER = '.specgate-complete';
const PASSWORD_FILE = 'superuser-password';
/** Bumped when what a template holds changes, so older cache entries are not used. */
const TEMPLATE_LAYOUT = 'random-superuser-password, owner role';

async function cacheEntry(binaries: PostgresBinaries, runAs: RunAs | undefined, database: string) {
  const root = process.env.SPECGATE_ROOT ?? process.cwd();
  const { mtimeMs, size } = await stat(binaries.initdb);
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        binaries.initdb,
        mtimeMs,
        size,
        runAs ? `${runAs.uid}:${runAs.gid}` : 'self',
        database,
        TEMPLATE_LAYOUT,
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  return join(root, 'node_modules', '.cache', 'specgate', `postgres-template-${key}`);
}

async function cachedTemplate(
  binaries: PostgresBinaries,
  runAs: RunAs | undefined,
  database: string,
): Promise<ClusterTemplate> {
  const entry = await cacheEntry(binaries, runAs, database);
  const complete = await access(join(entry, COMPLETE_MARKER)).then(
    () => true,
    () => false,
  );
  if (complete) {
    const superuserPassword = (await readFile(join(entry, PASSWORD_FILE), 'utf8')).trim();
    return { dataDir: join(entry, 'data'), superuserPassword };
  }
  const built = await buildTemplate(binaries, runAs, database);
  await storeInCache(built, entry).catch(() => undefined); // a cache that cannot be written only costs time
  return built;
}

/** Copies a built template into the cache under a temporary name, then renames it into place atomically. */
async function storeInCache(built: ClusterTemplate, entry: string): Promise<void> {
  const staging = `${entry}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await copyCluster(built.dataDir, join(staging, 'data'));
  await writeFile(join(staging, PASSWORD_FILE), `${built.superuserPassword}\n`, { mode: 0o600 });
  await writeFile(join(staging, COMPLETE_MARKER), '');
  // Another process may have stored the same entry meanwhile: then keep theirs.
  await rename(staging, entry).catch(() => rm(staging, { recursive: true, force: true }));
}

async function buildTemplate(
  binaries: PostgresBinaries,
  runAs: RunAs | undefined,
  database: string,
): Promise<ClusterTemplate> {
  // Owned like any temp dir: removed when this process ends, however it ends.
  const dir = await createTempDir('postgres-template');
  if (runAs) await allowTraversal(dir);
  const dataDir = join(dir, 'data');
  const superuserPassword = randomPassword();
  await initCluster(binaries, dir, dataDir, runAs, superuserPassword);
  const port = await getPort({ host: '127.0.0.1' });
  const server = await startPostmaster(
    binaries,
    dataDir,
    port,
    runAs,
    `postgres template cluster (port ${port})`,
    superuserPassword,
  );
  try {
    const adminUrl = postgresUrl('127.0.0.1', port, ADMIN_DATABASE, {
      user: SUPERUSER,
      password: superuserPassword,
    });
    await createOwnedDatabase(adminUrl, database, database);
  } finally {
    await server.stop(5000);
  }
  return { dataDir, superuserPassword };
}

/** `cp -a` keeps the postgres user's ownership and the 0700 mode PostgreSQL insists on. */
export async function copyCluster(templateDataDir: string, dataDir: string): Promise<void> {
  await run('cp', ['-a', templateDataDir, dataDir]);
}
