/**
 * What this process owns (process groups, temp dirs) and the guarantee that none of it
 * outlives the process:
 * - normal path: owners stop and release their resources themselves;
 * - SIGINT / SIGTERM / SIGHUP: everything is stopped gracefully, then the signal is re-raised;
 * - `process.exit`, uncaught errors: the 'exit' hook SIGKILLs groups and removes dirs;
 * - a forked process (a vitest worker) whose parent died: the run is lost, so everything is
 *   SIGKILLed and removed at once and the process ends itself;
 * - SIGKILL or anything else: the reaper (reaper.ts) does it from outside.
 */
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { setInterval } from 'node:timers';
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

const handledSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const name of handledSignals) process.removeListener(name, onSignal);
  void stopEverything().finally(() => {
    // Re-raise so the process ends the way it was asked to (exit status, other listeners).
    process.kill(process.pid, signal);
  });
}

/** How often a forked process looks for its parent; the run's processes die within this after it. */
const PARENT_POLL_MS = 100;

/**
 * A vitest worker is forked by the CLI and talks to it over IPC. When the CLI dies (SIGKILL
 * included) nobody will read this process's results, and vitest's own worker only notices at
 * its next message, which may be minutes away. Polled (not the 'disconnect' event, whose
 * listener would hold the channel, and so the process, open) with a timer that holds nothing.
 */
function watchForkParent(): void {
  if (!process.channel) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.connected && process.ppid === parent) return;
    killEverythingNow();
    // Not `process.exit`: test code may have replaced it. The reaper sees this death too.
    process.kill(process.pid, 'SIGKILL');
  }, PARENT_POLL_MS).unref();
}

if (isMainThread) watchForkParent();

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killEverythingNow);
  // Worker threads do not receive signals; their process's main thread handles them.
  if (isMainThread) for (const name of handledSignals) process.on(name, onSignal);
}
