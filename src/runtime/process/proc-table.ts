/**
 * Which processes of a process group are still alive, read from /proc.
 *
 * `kill(-pgid, 0)` is not enough: it also succeeds for zombies, and on hosts whose
 * PID 1 does not reap orphans (some containers) a killed group's orphans stay
 * zombies forever. A zombie holds no port, file or memory, so it does not count.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcStat {
  pid: number;
  state: string;
  ppid: number;
  pgid: number;
  /** Clock ticks after boot; with the pid it names one process, even after the pid is reused. */
  startTime: string;
}

/** Parses /proc/<pid>/stat; the command name may contain spaces and parentheses. */
function readStat(pid: string): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    pid: Number(pid),
    state: fields[0] ?? '',
    ppid: Number(fields[1]),
    pgid: Number(fields[2]),
    startTime: fields[19] ?? '',
  };
}

const hasProcfs = process.platform === 'linux';

const isRunning = (stat: ProcStat | undefined): stat is ProcStat =>
  stat !== undefined && stat.state !== 'Z' && stat.state !== 'X';

function liveProcesses(): ProcStat[] {
  const live: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (isRunning(stat)) live.push(stat);
  }
  return live;
}

/** Pids of the group's members that are not zombies (or dead). */
export function liveGroupMembers(pgid: number): number[] {
  if (!hasProcfs) return groupExistsBySignal(pgid) ? [pgid] : [];
  return liveProcesses()
    .filter((stat) => stat.pgid === pgid)
    .map((stat) => stat.pid);
}

/** Pids of the live (not zombie) children of `pid`; empty without /proc. */
export function liveChildren(pid: number): number[] {
  if (!hasProcfs) return [];
  return liveProcesses()
    .filter((stat) => stat.ppid === pid)
    .map((stat) => stat.pid);
}

/**
 * Names this process for as long as it lives: `<pid>.<start time>` (just the pid without
 * /proc). A record of it (see temp.ts) tells later whether its owner is still running.
 */
export function processIdentity(pid: number = process.pid): string {
  const startTime = hasProcfs ? readStat(String(pid))?.startTime : undefined;
  return startTime ? `${pid}.${startTime}` : String(pid);
}

/** False once the process an identity names has ended (its pid gone, a zombie, or reused). */
export function isIdentityAlive(identity: string): boolean {
  const [pid = '', startTime] = identity.split('.');
  if (!/^\d+$/.test(pid)) return false;
  if (!hasProcfs) return processExistsBySignal(Number(pid));
  const stat = readStat(pid);
  return isRunning(stat) && (startTime === undefined || stat.startTime === startTime);
}

export function isGroupAlive(pgid: number): boolean {
  return liveGroupMembers(pgid).length > 0;
}

function groupExistsBySignal(pgid: number): boolean {
  return processExistsBySignal(-pgid);
}

function processExistsBySignal(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
