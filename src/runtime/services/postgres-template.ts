/**
 * initdb dominates a PostgreSQL start (0.5 s idle, several seconds on a loaded machine).
 * It runs once into a template cluster that already holds the run's database; every new
 * or wiped service then starts from a copy. The template is also kept in the project's
 * `node_modules/.cache/specgate/`, so later processes (each `specgate test`) skip initdb.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import getPort from 'get-port';
import { createTempDir } from '../process/index.js';
import type { PostgresBinaries } from './binaries.js';
import { createDatabase } from './postgres-client.js';
import {
  ADMIN_DATABASE,
  allowTraversal,
  initCluster,
  postgresUrl,
  startPostmaster,
} from './postgres-cluster.js';
import type { RunAs } from './postgres-user.js';

const run = promisify(execFile);

let template: Promise<string> | undefined;

/** Path of a stopped cluster with `database` created; built on first use. */
export function clusterTemplate(
  binaries: PostgresBinaries,
  runAs: RunAs | undefined,
  database: string,
): Promise<string> {
  template ??= cachedTemplate(binaries, runAs, database).catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
}

/** Written last into a cached template: a cache entry without it is incomplete and ignored. */
const COMPLETE_MARKER = '.specgate-complete';

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
): Promise<string> {
  const entry = await cacheEntry(binaries, runAs, database);
  const cachedData = join(entry, 'data');
  const complete = await access(join(entry, COMPLETE_MARKER)).then(
    () => true,
    () => false,
  );
  if (complete) return cachedData;
  const built = await buildTemplate(binaries, runAs, database);
  await storeInCache(built, entry).catch(() => undefined); // a cache that cannot be written only costs time
  return built;
}

/** Copies a built template into the cache under a temporary name, then renames it into place atomically. */
async function storeInCache(builtDataDir: string, entry: string): Promise<void> {
  const staging = `${entry}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await copyCluster(builtDataDir, join(staging, 'data'));
  await writeFile(join(staging, COMPLETE_MARKER), '');
  // Another process may have stored the same entry meanwhile: then keep theirs.
  await rename(staging, entry).catch(() => rm(staging, { recursive: true, force: true }));
}

async function buildTemplate(
  binaries: PostgresBinaries,
  runAs: RunAs | undefined,
  database: string,
): Promise<string> {
  // Owned like any temp dir: removed when this process ends, however it ends.
  const dir = await createTempDir('postgres-template');
  if (runAs) await allowTraversal(dir);
  const dataDir = join(dir, 'data');
  await initCluster(binaries, dir, dataDir, runAs);
  const port = await getPort({ host: '127.0.0.1' });
  const server = await startPostmaster(
    binaries,
    dataDir,
    port,
    runAs,
    `postgres template cluster (port ${port})`,
  );
  try {
    await createDatabase(postgresUrl('127.0.0.1', port, ADMIN_DATABASE), database);
  } finally {
    await server.stop(5000);
  }
  return dataDir;
}

/** `cp -a` keeps the postgres user's ownership and the 0700 mode PostgreSQL insists on. */
export async function copyCluster(templateDataDir: string, dataDir: string): Promise<void> {
  await run('cp', ['-a', templateDataDir, dataDir]);
}
