/**
 * What this process owns (process groups, temp dirs) and the guarantee that none of it
 * outlives the process:
 * - normal path: owners stop and release their resources themselves;
 * - SIGINT / SIGTERM: everything is stopped gracefully, then the signal is re-raised;
 * - `process.exit`, uncaught errors: the 'exit' hook SIGKILLs groups and removes dirs;
 * - SIGKILL or anything else: the reaper (reaper.ts) does it from outside.
 */
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { isMainThread } from 'node:worker_threads';
import { reaperForgetDir, reaperForgetGroup, reaperTrackDir, reaperTrackGroup } from './reaper.js';

/** Graceful stop of one owned group; must end with the group gone. */
export type StopGroup = () => Promise<unknown>;

const groups = new Map<number, StopGroup>();
const dirs = new Set<string>();
let hooksInstalled = false;

export function adoptGroup(pgid: number, stop: StopGroup): void {
  installHooks();
  groups.set(pgid, stop);
  reaperTrackGroup(pgid);
}

export function releaseGroup(pgid: number): void {
  groups.delete(pgid);
  reaperForgetGroup(pgid);
}

export function adoptDir(path: string): void {
  installHooks();
  dirs.add(path);
  reaperTrackDir(path);
}

export function releaseDir(path: string): void {
  dirs.delete(path);
  reaperForgetDir(path);
}

/** Stops every owned group (each its own graceful way), then removes every owned dir. */
export async function stopEverything(): Promise<void> {
  await Promise.allSettled([...groups.values()].map((stop) => stop()));
  await Promise.allSettled(
    [...dirs].map(async (dir) => {
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
      releaseDir(dir);
    }),
  );
}

function killEverythingNow(): void {
  for (const pgid of groups.keys()) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (const dir of dirs) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // The reaper tries again once we are gone.
    }
  }
}

const handledSignals = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const name of handledSignals) process.removeListener(name, onSignal);
  void stopEverything().finally(() => {
    // Re-raise so the process ends the way it was asked to (exit status, other listeners).
    process.kill(process.pid, signal);
  });
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killEverythingNow);
  // Worker threads do not receive signals; their process's main thread handles them.
  if (isMainThread) for (const name of handledSignals) process.on(name, onSignal);
}
