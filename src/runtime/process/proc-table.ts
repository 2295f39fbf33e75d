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
  pgid: number;
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
  return { pid: Number(pid), state: fields[0] ?? '', pgid: Number(fields[2]) };
}

const hasProcfs = process.platform === 'linux';

/** Pids of the group's members that are not zombies (or dead). */
export function liveGroupMembers(pgid: number): number[] {
  if (!hasProcfs) return groupExistsBySignal(pgid) ? [pgid] : [];
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat && stat.pgid === pgid && stat.state !== 'Z' && stat.state !== 'X') members.push(stat.pid);
  }
  return members;
}

export function isGroupAlive(pgid: number): boolean {
  return liveGroupMembers(pgid).length > 0;
}

function groupExistsBySignal(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
