/**
 * Temp dirs named `specgate-<label>-<owner>-XXXXXX`, owned (and so reaped) until removed.
 * `<owner>` is the creating process's identity (pid and start time, see proc-table.ts): when
 * every guard failed (the watchdog was killed too), the next run in the same temp dir finds
 * the directories of dead owners and removes them.
 */
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptDir, releaseDir } from './ownership.js';
import { isIdentityAlive, processIdentity } from './proc-table.js';

/** `specgate-<label>-<pid>[.<start time>]-<mkdtemp's 6 characters>`. */
const OWNED_NAME = /^specgate-.+-(\d+(?:\.\d+)?)-[A-Za-z0-9]{6}$/;

const swept = new Set<string>();

/** Creates a temp dir under `parent` (default `os.tmpdir()`), first sweeping `parent` once per process. */
export async function createTempDir(label: string, parent: string = tmpdir()): Promise<string> {
  if (!swept.has(parent)) {
    swept.add(parent);
    await sweepDeadOwners(parent);
  }
  const path = await mkdtemp(join(parent, `specgate-${label}-${processIdentity()}-`));
  adoptDir(path);
  return path;
}

export async function removeTempDir(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true, maxRetries: 3 });
  releaseDir(path);
}

/** Removes this user's `specgate-*` dirs in `parent` whose owner process has ended; returns their names. */
export async function sweepDeadOwners(parent: string): Promise<string[]> {
  const names = await readdir(parent).catch(() => []);
  const uid = process.getuid?.();
  const removed: string[] = [];
  for (const name of names) {
    const owner = OWNED_NAME.exec(name)?.[1];
    if (owner === undefined || isIdentityAlive(owner)) continue;
    const path = join(parent, name);
    const stat = await lstat(path).catch(() => undefined);
    // Never follow a link, never touch another user's files.
    if (!stat?.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
    try {
      await rm(path, { recursive: true, force: true, maxRetries: 2 });
      removed.push(name);
    } catch {
      // Still in use or not ours to remove; the next run tries again.
    }
  }
  return removed;
}
