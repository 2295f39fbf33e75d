/**
 * Redis: Debian's redis-server on a free loopback port, no persistence, its dir in a temp dir.
 * A random `requirepass` keeps other local users out; the target gets it in its URL
 * (`redis://:password@127.0.0.1:port`), as the harness's own clients do. It is set in a
 * config file (mode 0600), not on the command line, which every local user can read.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import getPort from 'get-port';
import { spawnInGroup } from '../process/index.js';
import type { RunningService } from '../types.js';
import { findRedisServer } from './binaries.js';
import { randomPassword } from './password.js';
import { startManagedService } from './managed.js';
import { flushRedis, pingRedis } from './redis-client.js';
import { waitForServer } from './readiness.js';

const READY_TIMEOUT_MS = 10_000;

export async function startRedis(
  name: string,
  options: { dir: string; seed: number },
): Promise<RunningService> {
  const binary = findRedisServer();
  const port = await getPort({ host: '127.0.0.1' });
  const dataDir = join(options.dir, 'data');
  const password = randomPassword();
  const url = (host: string, at: number): string => `redis://:${password}@${host}:${at}`;
  const configFile = join(options.dir, 'redis.conf');
  await writeFile(configFile, `requirepass ${password}\n`, { mode: 0o600 });

  return startManagedService(
    name,
    {
      kind: 'redis',
      port,
      url,
      stopGraceMs: 2000,
      reset: flushRedis,
      async launch(wipe) {
        if (wipe) await rm(dataDir, { recursive: true, force: true });
        await mkdir(dataDir, { recursive: true });
        const child = spawnInGroup({
          file: binary,
          args: [
            configFile,
            '--port',
            String(port),
            '--bind',
            '127.0.0.1',
            '--save',
            '',
            '--appendonly',
            'no',
            '--dir',
            dataDir,
          ],
          cwd: dataDir,
          env: process.env,
          interruptGraceMs: 2000,
        });
        await waitForServer(
          `redis-server for service ${name} (port ${port})`,
          child,
          () => pingRedis(url('127.0.0.1', port)),
          READY_TIMEOUT_MS,
        );
        return child;
      },
    },
    options,
  );
}
