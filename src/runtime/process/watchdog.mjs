// The reaper: a detached watchdog started once per test process (see reaper.ts).
// It reads JSON lines on stdin naming the process groups and temp dirs its parent owns.
// When stdin ends or the parent disappears (SIGKILL, crash, Ctrl-C twice), it SIGKILLs
// those groups and removes those dirs, then exits. Plain JavaScript: it must start fast
// and without a TypeScript loader. Kills are immediate: the run is already lost.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { setInterval, setTimeout } from 'node:timers';

const parentPid = Number(process.argv[2]);
const groups = new Set();
const dirs = new Set();

for (const signal of ['SIGINT', 'SIGHUP', 'SIGTERM', 'SIGPIPE']) process.on(signal, () => {});

function apply(line) {
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    return;
  }
  if (typeof message.group === 'number') {
    if (message.op === 'add') groups.add(message.group);
    else groups.delete(message.group);
  } else if (typeof message.dir === 'string') {
    if (message.op === 'add') dirs.add(message.dir);
    else dirs.delete(message.dir);
  }
}

function liveMembers(pgids) {
  const live = [];
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return live;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let text;
    try {
      text = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    if (fields[0] !== 'Z' && fields[0] !== 'X' && pgids.has(Number(fields[2]))) live.push(Number(entry));
  }
  return live;
}

let reaping = false;
function reap() {
  if (reaping) return;
  reaping = true;
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + 3000;
  const finish = () => {
    if (groups.size > 0 && liveMembers(groups).length > 0 && Date.now() < deadline) {
      setTimeout(finish, 20);
      return;
    }
    for (const dir of dirs) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // Nothing more a watchdog can do; the dir is named specgate-* for manual cleanup.
      }
    }
    process.exit(0);
  };
  finish();
}

const input = createInterface({ input: process.stdin });
input.on('line', apply);
input.on('close', reap);
process.stdin.on('error', reap);

// Belt and braces: stdin may stay open if some process inherited the pipe.
setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch {
    reap();
  }
}, 500);
