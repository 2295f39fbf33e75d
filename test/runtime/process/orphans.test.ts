/**
 * THE ORPHAN TEST: 20 runs that start a target (and services) through the runtime and
 * are interrupted every way we know; 1 s after the interrupted process is gone no process
 * of the run may be alive, and no `specgate-*` dir may remain in its temp dir. Processes are found by a marker in their env (or their cwd in the run's
 * TMPDIR, for servers that overwrite their environ with a process title).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDir, removeTempDir } from '../../../src/runtime/process/index.js';
import { fixtures, inParallel, processesMarked, projectRoot, waitFor } from './helpers.js';

type Interrupt = 'SIGINT' | 'SIGTERM' | 'SIGKILL' | 'none';
interface Scenario {
  name: string;
  interrupt: Interrupt;
  plan: { target: string; instances: number; redis: boolean; postgres: boolean };
  /** How the run must have ended. */
  expectEnd: { signal?: NodeJS.Signals; code?: number; stderr?: RegExp; atLeastMs?: number };
}

const plan = (target: string, extra: Partial<Scenario['plan']> = {}): Scenario['plan'] => ({
  target,
  instances: 1,
  redis: true,
  postgres: false,
  ...extra,
});

const scenarios: Scenario[] = [
  ...(['SIGINT', 'SIGTERM', 'SIGKILL'] as const).flatMap((signal) => [
    { name: `${signal}: target + redis`, interrupt: signal, plan: plan('echo'), expectEnd: { signal } },
    {
      name: `${signal}: 2 instances, no service`,
      interrupt: signal,
      plan: plan('echo', { instances: 2, redis: false }),
      expectEnd: { signal },
    },
    {
      name: `${signal}: 3 instances + redis`,
      interrupt: signal,
      plan: plan('echo', { instances: 3 }),
      expectEnd: { signal },
    },
    {
      name: `${signal}: target + redis + postgres`,
      interrupt: signal,
      plan: plan('echo', { postgres: true }),
      expectEnd: { signal },
    },
  ]),
  ...[1, 2].map((n) => ({
    name: `target crashes at start #${n}`,
    interrupt: 'none' as const,
    plan: plan('crash-on-start', { instances: n }),
    expectEnd: { code: 1, stderr: /exited \(exit code 2\) before it was ready/ },
  })),
  {
    name: 'target crashes after ready',
    interrupt: 'none',
    plan: plan('crash-after-ready'),
    expectEnd: { code: 1, stderr: /exited unexpectedly \(exit code 3\)/ },
  },
  ...[1, 2].map((n) => ({
    name: `target hangs on SIGTERM, run interrupted #${n}`,
    interrupt: 'SIGINT' as const,
    plan: plan('hang', { instances: n }),
    expectEnd: { signal: 'SIGINT' as const, atLeastMs: 280 },
  })),
  ...[1, 2, 3].map((n) => ({
    name: `target never gets ready #${n}`,
    interrupt: 'none' as const,
    plan: plan('never-ready', { redis: n !== 2 }),
    expectEnd: { code: 1, stderr: /was not ready after 800 ms/ },
  })),
];

const MARKER = 'SPECGATE_ORPHAN_TEST';
let base: string;

beforeAll(async () => {
  base = await createTempDir('orphan-test');
  // PostgreSQL runs as the postgres user and must traverse into each run's TMPDIR.
  chmodSync(base, 0o711);
});
afterAll(async () => {
  await removeTempDir(base);
});

interface RunOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  interruptedToExitMs: number;
  leftProcesses: number[];
  leftDirs: string[];
}

async function interruptedRun(scenario: Scenario, index: number): Promise<RunOutcome> {
  const tmp = join(base, `run-${index}`);
  mkdirSync(tmp, { mode: 0o755 });
  const marker = { name: MARKER, value: `${randomUUID()}-${index}` };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(fixtures, 'interrupted-run.ts'), JSON.stringify(scenario.plan)],
    {
      cwd: projectRoot,
      env: { ...process.env, TMPDIR: tmp, [marker.name]: marker.value },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  let interruptedAt = performance.now();
  if (scenario.interrupt !== 'none') {
    const ready = await Promise.race([
      waitFor(() => stdout.includes('READY '), 180_000),
      exited.then(() => false),
    ]);
    if (!ready) throw new Error(`run ${scenario.name} never got ready:\n${stdout}\n${stderr}`);
    interruptedAt = performance.now();
    child.kill(scenario.interrupt);
  }
  const end = await exited;
  const interruptedToExitMs = performance.now() - interruptedAt;
  return { ...end, stderr, interruptedToExitMs, ...(await leftOneSecondLater(marker, tmp)) };
}

/** What is left of a run 1 s after its process ended (after a SIGKILL the reaper cleans up from outside). */
async function leftOneSecondLater(
  marker: { name: string; value: string },
  tmp: string,
): Promise<Pick<RunOutcome, 'leftProcesses' | 'leftDirs'>> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return {
    leftProcesses: processesMarked(marker, tmp),
    leftDirs: readdirSync(tmp).filter((name) => name.startsWith('specgate-')),
  };
}

describe('no process outlives an interrupted run', () => {
  test('20 interrupted runs leave no process and no temp dir', { timeout: 900_000 }, async () => {
    expect(scenarios).toHaveLength(20);
    const began = performance.now();
    const outcomes = await inParallel(
      scenarios.map((scenario, index) => async () => ({
        scenario,
        ...(await interruptedRun(scenario, index)),
      })),
      4,
    );
    console.log(`20 interrupted runs in ${((performance.now() - began) / 1000).toFixed(1)} s`);

    for (const outcome of outcomes) {
      const { scenario } = outcome;
      const summary = { name: scenario.name, left: outcome.leftProcesses, dirs: outcome.leftDirs };
      expect(summary).toEqual({ name: scenario.name, left: [], dirs: [] });
      if (scenario.expectEnd.signal)
        expect({ name: scenario.name, signal: outcome.signal }).toEqual({
          name: scenario.name,
          signal: scenario.expectEnd.signal,
        });
      if (scenario.expectEnd.code !== undefined)
        expect({ name: scenario.name, code: outcome.code }).toEqual({
          name: scenario.name,
          code: scenario.expectEnd.code,
        });
      if (scenario.expectEnd.stderr) expect(outcome.stderr).toMatch(scenario.expectEnd.stderr);
      if (scenario.expectEnd.atLeastMs)
        expect(outcome.interruptedToExitMs).toBeGreaterThanOrEqual(scenario.expectEnd.atLeastMs);
    }
  });
});
