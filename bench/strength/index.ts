/**
 * `specgate strength` on the rate-limit reference: mutants judged per minute and the whole run's wall
 * time, beside one clean `specgate ci --no-vacuity` run of the same suite measured in the same run (the
 * baseline: a mutant that survives costs about one such run). Bounded so it finishes: SPECGATE_BENCH_MUTANTS
 * mutants (default 12), all cores. No goal to miss yet: it reports, and fails only when a run fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { StrengthReport } from '../../src/strength/model.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/specgate.js');
const MUTANTS = Number(process.env.SPECGATE_BENCH_MUTANTS ?? 12);
const reportDir = mkdtempSync(join(tmpdir(), 'specgate-bench-strength-'));

function timed(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    console.log(`specgate ${args.join(' ')}: exit ${result.status ?? result.signal}`);
    process.exit(1);
  }
  return ms;
}

try {
  const baseline = timed(['ci', 'rate-limit', '--no-vacuity', '--report-dir', join(reportDir, 'ci')]);
  const concurrency = String(Math.max(1, availableParallelism() - 1));
  const wall = timed([
    'strength',
    'rate-limit',
    '--mutate',
    'examples/rate-limit/*.ts',
    '--max-mutants',
    String(MUTANTS),
    '--concurrency',
    concurrency,
    '--report-dir',
    reportDir,
  ]);
  const report = JSON.parse(readFileSync(join(reportDir, 'strength.json'), 'utf8')) as StrengthReport;
  const judged = report.score.judged + report.score.errors;
  const perMinute = judged / (wall / 60_000);
  console.log(`clean suite run (baseline)      ${(baseline / 1000).toFixed(1).padStart(7)} s`);
  console.log(
    `strength run, ${judged} mutants judged ${(wall / 1000).toFixed(1).padStart(7)} s  (${(wall / baseline).toFixed(2)}× the baseline, ${concurrency} at a time)`,
  );
  console.log(
    `mutants per minute              ${perMinute.toFixed(2).padStart(7)}  (score ${report.score.ratio ?? 'n/a'})`,
  );
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
