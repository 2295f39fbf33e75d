/** Independent checks for the process tests (they must not trust the code under test). */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixtures = fileURLToPath(new URL('../../fixtures/targets/', import.meta.url));
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** True when the pid is a running process (not gone, not a zombie). */
export function isLive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/**
 * Live processes (other than this one) whose environment contains `NAME=value`, or whose
 * working directory is inside `dir`. Both are needed: redis-server and postgres write their
 * process titles over the memory /proc/<pid>/environ reads, but run inside their data dirs.
 */
export function processesMarked(marker: { name: string; value: string }, dir?: string): number[] {
  const needle = `\0${marker.name}=${marker.value}\0`;
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const pid = Number(entry);
    if ((hasEnv(pid, needle) || (dir !== undefined && cwdInside(pid, dir))) && isLive(pid)) found.push(pid);
  }
  return found;
}

function hasEnv(pid: number, needle: string): boolean {
  try {
    return `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(needle);
  } catch {
    return false;
  }
}

function cwdInside(pid: number, dir: string): boolean {
  try {
    return readlinkSync(`/proc/${pid}/cwd`).startsWith(`${dir}/`);
  } catch {
    return false;
  }
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

/**
 * Runs `jobs` a few at a time (the machine has two cores shared with others), every one to its
 * end even when one fails, so that no run is still going when the temp dirs are removed.
 */
export async function inParallel<T>(jobs: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = [];
  const errors: unknown[] = [];
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        await job().then(
          (result) => results.push(result),
          (error: unknown) => errors.push(error),
        );
      }
    }),
  );
  if (errors.length > 0) throw errors[0];
  return results;
}
