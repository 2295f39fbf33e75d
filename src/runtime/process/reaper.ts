/**
 * Parent side of the reaper (watchdog.mjs): a detached process, started on first use,
 * that learns through its stdin pipe which process groups and temp dirs we own and
 * cleans them up when this process dies without doing it itself.
 *
 * The pipe is the liveness signal: when this process dies for any reason the kernel
 * closes its end and the watchdog reads EOF. Child processes never inherit the pipe
 * (libuv opens it close-on-exec), so only our death can close it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

type Registration = { group: number } | { dir: string };

const watchdogScript = fileURLToPath(new URL('./watchdog.mjs', import.meta.url));

let watchdog: ChildProcess | undefined;
const groups = new Set<number>();
const dirs = new Set<string>();

function startWatchdog(): ChildProcess {
  const child = spawn(process.execPath, [watchdogScript, String(process.pid)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.unref();
  const stdin = child.stdin as Socket;
  stdin.unref();
  // A dead watchdog is replaced on the next registration (see send).
  stdin.on('error', () => undefined);
  child.on('exit', () => {
    if (watchdog === child) watchdog = undefined;
  });
  return child;
}

function send(op: 'add' | 'remove', registration: Registration): void {
  if (!watchdog) {
    if (op === 'remove') return;
    watchdog = startWatchdog();
    for (const group of groups) write(watchdog, 'add', { group });
    for (const dir of dirs) write(watchdog, 'add', { dir });
  }
  write(watchdog, op, registration);
}

function write(child: ChildProcess, op: 'add' | 'remove', registration: Registration): void {
  child.stdin?.write(`${JSON.stringify({ op, ...registration })}\n`);
}

export function reaperTrackGroup(pgid: number): void {
  groups.add(pgid);
  send('add', { group: pgid });
}

export function reaperForgetGroup(pgid: number): void {
  if (groups.delete(pgid)) send('remove', { group: pgid });
}

export function reaperTrackDir(path: string): void {
  dirs.add(path);
  send('add', { dir: path });
}

export function reaperForgetDir(path: string): void {
  if (dirs.delete(path)) send('remove', { dir: path });
}

/** Pid of the running watchdog, for tests and diagnostics. */
export function reaperPid(): number | undefined {
  return watchdog?.pid;
}
