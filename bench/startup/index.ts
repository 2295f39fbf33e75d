/**
 * Start-up of the CLI as a user runs it (the built JavaScript in dist/): `specgate --help` and
 * `specgate lint` on the bundled rate-limit spec, beside `node -e ""` measured in the same run,
 * alternating so that the machine's load falls on all three alike. Goal: `--help` within 150 ms
 * of bare Node; exit 1 when it is missed. Builds dist/ first when it is missing or stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/specgate.js');
const BUILT = join(ROOT, 'dist/cli/main.js');
const RUNS = 11;
const HELP_GOAL_MS = 150;

function newestChange(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < newestChange(join(ROOT, 'src'))) {
  console.log('building dist/ (npm run build)');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const commands: Record<string, string[]> = {
  'node -e ""': ['-e', ''],
  'specgate --help': [BIN, '--help'],
  'specgate lint specs/rate-limit.md': [BIN, 'lint', 'specs/rate-limit.md'],
};

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (let run = 0; run <= RUNS; run += 1) {
  for (const [name, args] of Object.entries(commands)) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const ms = performance.now() - start;
    if (result.status !== 0) {
      console.log(`${name}: exit ${result.status ?? result.signal}`);
      process.exit(1);
    }
    if (run > 0) samples[name]?.push(ms); // run 0 warms the file system cache
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const node = median(samples['node -e ""'] ?? []);
for (const name of Object.keys(commands)) {
  const ms = median(samples[name] ?? []);
  console.log(
    `${name.padEnd(36)} ${ms.toFixed(0).padStart(5)} ms  (${(ms / node).toFixed(2)}× node, +${(ms - node).toFixed(0)} ms)`,
  );
}
const help = median(samples['specgate --help'] ?? []) - node;
console.log(`--help over bare Node: ${help.toFixed(0)} ms (goal: at most ${HELP_GOAL_MS} ms)`);
process.exitCode = help <= HELP_GOAL_MS ? 0 : 1;
