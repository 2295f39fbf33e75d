/**
 * THE ORPHAN TEST through the CLI: `specgate test` (CLI, vitest worker, watchdog, target,
 * redis-server) interrupted with SIGINT, SIGTERM and SIGKILL sent to the CLI alone; 1 s after
 * the CLI is gone no process of the run may be alive and no `specgate-*` dir may remain in its
 * temp dir. Processes are found as in orphans.test.ts (env marker, or cwd in the run's TMPDIR).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDir, removeTempDir } from '../../../src/runtime/process/index.js';
import { fixtures, inParallel, processesMarked, projectRoot, waitFor } from './helpers.js';

const MARKER = 'SPECGATE_ORPHAN_TEST';
let base: string;
let tsxCache: string;

beforeAll(async () => {
  base = await createTempDir('orphan-cli-test');
  chmodSync(base, 0o711);
  tsxCache = join(base, 'tsx-cache');
  mkdirSync(tsxCache);
});
afterAll(async () => {
  await removeTempDir(base);
});

interface Left {
  leftProcesses: number[];
  leftDirs: string[];
}

/** What is left of a run 1 s after its CLI ended. */
async function leftOneSecondLater(marker: { name: string; value: string }, tmp: string): Promise<Left> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return {
    leftProcesses: processesMarked(marker, tmp),
    leftDirs: readdirSync(tmp).filter((name) => name.startsWith('specgate-')),
  };
}

/** A spec whose only criterion holds a target and redis for a minute: the run is always interrupted mid-way. */
const cliSpec = (target: string) => `---
spec: interrupted
target:
  command: node ${join(fixtures, target)}
  ready: /healthz
  ready timeout: 20s
  stop grace: 300ms
services:
  redis: redis
runs: 1
timeout: 120s
---

# Interrupted

## Goal

Be interrupted.

## Inputs / Outputs

- \`GET /healthz\` answers 200.

## Constraints

Nothing else.

## Failure Modes

None known.

## Out of Scope

- Everything else.

## Acceptance

- **AC-1 held**: answers, then waits to be interrupted.
  \`\`\`yaml
  steps:
    - send: GET /healthz
      expect: { status: 200 }
    - wait: 60s
  \`\`\`
`;

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

type Signal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';
const signals = constants.signals;
const cliSignals: Signal[] = ['SIGINT', 'SIGTERM', 'SIGKILL'];
/** Two runs per signal, one with a target that ignores SIGTERM: each starts vitest, so each costs seconds. */
const RUNS = 6;
const cliRuns = Array.from({ length: RUNS }, (_, index) => ({
  signal: cliSignals[index % 3]!,
  target: index >= 3 ? 'hang-on-sigterm.mjs' : 'echo-server.mjs',
}));

interface CliOutcome extends Left {
  code: number | null;
  signal: NodeJS.Signals | null;
  run: (typeof cliRuns)[number];
  output: string;
}

async function interruptedCliRun(run: (typeof cliRuns)[number], index: number): Promise<CliOutcome> {
  const project = join(base, `cli-${index}`);
  const tmp = join(project, 'tmp');
  mkdirSync(join(project, 'specs'), { recursive: true });
  mkdirSync(tmp, { mode: 0o755 });
  writeFileSync(join(project, 'specs', 'interrupted.md'), cliSpec(run.target));
  symlinkSync(join(projectRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  // One tsx cache for all runs (it lives in TMPDIR): compiling the CLI afresh in each run costs a minute on a loaded machine.
  symlinkSync(tsxCache, join(tmp, `tsx-${process.getuid?.() ?? 0}`), 'dir');
  const marker = { name: MARKER, value: `${randomUUID()}-cli-${index}` };
  // A user's environment, not this test worker's (vitest and vite set theirs: VITEST, MODE, NODE_ENV…).
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: process.env.LANG,
    TMPDIR: tmp,
    [marker.name]: marker.value,
  };
  const child = spawn(process.execPath, [join(projectRoot, 'bin/specgate.js'), 'test'], {
    cwd: project,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  // The criterion is under way once redis and the target run (vitest holds back the output).
  const commands = () => processesMarked(marker, tmp).map(commandLine);
  const holding = () => {
    const running = commands();
    return (
      running.some((line) => line.includes(run.target)) &&
      running.some((line) => line.includes('redis-server'))
    );
  };
  const ready = await Promise.race([waitFor(holding, 300_000), exited.then(() => false)]);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`specgate test never got under way:\n${output}`);
  }
  // Let the first request reach the target.
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.kill(run.signal);
  const end = await exited;
  return { run, output, ...end, ...(await leftOneSecondLater(marker, tmp)) };
}

describe('no process outlives an interrupted specgate test', () => {
  test('each signal: nothing alive 1 s after the CLI, no temp dir', { timeout: 600_000 }, async () => {
    const began = performance.now();
    const outcomes = await inParallel(
      cliRuns.map((run, index) => () => interruptedCliRun(run, index)),
      3,
    );
    for (const signal of cliSignals) {
      const mine = outcomes.filter((outcome) => outcome.run.signal === signal);
      const processes = mine.reduce((sum, outcome) => sum + outcome.leftProcesses.length, 0);
      const dirs = mine.reduce((sum, outcome) => sum + outcome.leftDirs.length, 0);
      console.log(
        `${signal}: ${mine.length} runs, ${processes} processes alive 1 s after the CLI, ${dirs} dirs left`,
      );
    }
    console.log(`${RUNS} interrupted CLI runs in ${((performance.now() - began) / 1000).toFixed(1)} s`);

    for (const outcome of outcomes) {
      const name = `${outcome.run.signal} ${outcome.run.target}`;
      expect({ name, left: outcome.leftProcesses, dirs: outcome.leftDirs }).toEqual({
        name,
        left: [],
        dirs: [],
      });
      // Ended by the signal, or (vitest's handler) by exit code 128 + its number.
      const ended = outcome.signal ?? `code ${outcome.code}`;
      const expected =
        outcome.run.signal === 'SIGKILL'
          ? ['SIGKILL']
          : [outcome.run.signal, `code ${128 + signals[outcome.run.signal]}`];
      expect({ name, ended }).toEqual({ name, ended: expect.toBeOneOf(expected) });
    }
  });
});
