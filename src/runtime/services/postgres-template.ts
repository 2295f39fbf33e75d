/**
 * initdb dominates a PostgreSQL start (0.5 s idle, several seconds on a loaded machine).
 * Each process runs it once, into a template cluster that already holds the run's
 * database; every new or wiped service then starts from a copy.
 */
import { execFile } from 'node:child_process';
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
  template ??= buildTemplate(binaries, runAs, database).catch((error: unknown) => {
    template = undefined;
    throw error;
  });
  return template;
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
