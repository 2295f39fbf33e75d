/**
 * Children in their own process group (detached), output captured line by line,
 * registered with ownership.ts (and so the reaper) for as long as the group lives.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { LineSplitter } from './lines.js';
import { adoptGroup, releaseGroup } from './ownership.js';
import { isGroupAlive } from './proc-table.js';

export interface CapturedLine {
  stream: 'stdout' | 'stderr';
  /** `performance.now()` when the line was read. */
  at: number;
  text: string;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  error?: Error;
}

export interface GroupSpawnOptions {
  file: string;
  args: readonly string[];
  cwd?: string;
  env: NodeJS.ProcessEnv;
  /** Run as another user (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** `pipe` gives `stdin` to write to; default `ignore` (reads see EOF). */
  stdin?: 'pipe' | 'ignore';
  onLine?: (line: CapturedLine) => void;
  /** The raw text as read, for callers that need it byte for byte (CLI stdout). */
  onText?: (stream: CapturedLine['stream'], text: string) => void;
  /** How `stop` asks politely. PostgreSQL wants SIGINT to the postmaster alone. Default SIGTERM to the group. */
  stopSignal?: NodeJS.Signals;
  stopSignalTo?: 'group' | 'leader';
  /** Grace used when an interrupt stops everything (see ownership.ts). Default 3000 ms. */
  interruptGraceMs?: number;
  /** Lines kept for error messages (default 200). */
  keepLines?: number;
}

export interface GroupProcess {
  /** Pid of the leader, which is also the process group id. */
  readonly pid: number;
  readonly stdin: Writable | null;
  /** Resolves when the leader exited and its output was read. Never rejects. */
  readonly exited: Promise<ExitStatus>;
  /** Undefined while the leader runs. */
  exitStatus(): ExitStatus | undefined;
  /** The last captured lines, `[stderr] ` marking standard error. */
  recentLines(count: number): string[];
  /** Signals the whole group (default) or the leader only; no-op once the group is gone. */
  signal(signal: NodeJS.Signals, to?: 'group' | 'leader'): void;
  /** Asks politely, SIGKILLs the group after `graceMs`, resolves once no member is alive. */
  stop(graceMs: number): Promise<ExitStatus>;
  /** SIGKILL to the group, resolves once no member is alive. */
  kill(): Promise<ExitStatus>;
}

/** After the leader's exit, output still buffered in the pipes is read for at most this long. */
const OUTPUT_DRAIN_MS = 200;
const POLL_MS = 20;
/** SIGKILLed processes die at once; this only bounds a wait on a wedged kernel. */
const KILL_WAIT_MS = 3000;

/** True when `promise` settles within `ms`; the timer never outlives the wait (it would hold the process open). */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export function spawnInGroup(options: GroupSpawnOptions): GroupProcess {
  const keep = options.keepLines ?? 200;
  const recent: string[] = [];
  const child = spawn(options.file, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    uid: options.uid,
    gid: options.gid,
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });

  let status: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    let leaderExit: ExitStatus | undefined;
    let closed = false;
    let drainTimer: NodeJS.Timeout | undefined;
    const finish = (): void => {
      if (status || !leaderExit) return;
      clearTimeout(drainTimer);
      status = leaderExit;
      resolve(status);
    };
    child.once('error', (error) => {
      // Spawn failures (ENOENT, EACCES) emit 'error' and no 'exit'.
      if (child.pid === undefined) {
        leaderExit = { code: null, signal: null, error };
        finish();
      }
    });
    child.once('exit', (code, signal) => {
      leaderExit = { code, signal };
      if (closed) finish();
      // A grandchild holding the pipes open must not delay the exit report for long.
      else drainTimer = setTimeout(finish, OUTPUT_DRAIN_MS);
    });
    child.once('close', () => {
      closed = true;
      finish();
    });
  });

  capture(child.stdout, 'stdout');
  capture(child.stderr, 'stderr');

  function capture(stream: Readable | null, name: CapturedLine['stream']): void {
    if (!stream) return;
    stream.setEncoding('utf8');
    const splitter = new LineSplitter((text) => {
      recent.push(name === 'stderr' ? `[stderr] ${text}` : text);
      if (recent.length > keep) recent.shift();
      options.onLine?.({ stream: name, at: performance.now(), text });
    });
    stream.on('data', (chunk: string) => {
      options.onText?.(name, chunk);
      splitter.push(chunk);
    });
    stream.on('end', () => splitter.flush());
  }

  const pid = child.pid ?? -1;

  function signal(sig: NodeJS.Signals, to: 'group' | 'leader' = 'group'): void {
    if (pid <= 0) return;
    // Once the leader is reaped its pid is free for reuse: never signal a stranger's group.
    if (status && !isGroupAlive(pid)) return;
    try {
      process.kill(to === 'group' ? -pid : pid, sig);
    } catch {
      // The group is already gone.
    }
  }

  async function waitGroupGone(deadline: number): Promise<boolean> {
    while (isGroupAlive(pid)) {
      if (performance.now() >= deadline) return false;
      await sleep(POLL_MS);
    }
    return true;
  }

  async function kill(): Promise<ExitStatus> {
    if (pid <= 0) return exited;
    signal('SIGKILL');
    await waitGroupGone(performance.now() + KILL_WAIT_MS);
    const final = await exited;
    releaseGroup(pid);
    return final;
  }

  let stopping: Promise<ExitStatus> | undefined;
  function stop(graceMs: number): Promise<ExitStatus> {
    stopping ??= (async () => {
      if (pid <= 0) return exited;
      // A paused (SIGSTOPped) group cannot act on a polite signal.
      signal('SIGCONT');
      signal(options.stopSignal ?? 'SIGTERM', options.stopSignalTo ?? 'group');
      const deadline = performance.now() + graceMs;
      const leaderDone = await settlesWithin(exited, graceMs);
      if (leaderDone && (await waitGroupGone(deadline))) {
        releaseGroup(pid);
        return exited;
      }
      return kill();
    })();
    return stopping;
  }

  if (pid > 0) adoptGroup(pid, () => stop(options.interruptGraceMs ?? 3000));

  return {
    pid,
    stdin: child.stdin,
    exited,
    exitStatus: () => status,
    recentLines: (count) => recent.slice(-count),
    signal,
    stop,
    kill,
  };
}
