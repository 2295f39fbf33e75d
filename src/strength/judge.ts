/**
 * One judgement: the compiled suites of some specs run against one implementation, in a child
 * `specgate ci` (its own process group, so a timeout kills the target and services with it), read back
 * from the run's report.json. Mutants and variants are judged this way, several at once.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunReport } from '../report/model.js';
import { spawnInGroup } from '../runtime/process/index.js';

const SPECGATE_BIN = fileURLToPath(new URL('../../bin/specgate.js', import.meta.url));
const STOP_GRACE_MS = 3000;
const OUTPUT_TAIL_LINES = 30;

export interface JudgeRequest {
  /** The project root the suites run from (Stryker's sandbox for mutants). */
  root: string;
  specs: readonly string[];
  /** Judge this implementation instead of the specs' own targets. */
  target?: string;
  /** Only this criterion. */
  criterion?: string;
  /** Stop at the first failing criterion. */
  bail: boolean;
  /** Extra env for the run and so for the implementation (the active mutant). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface CriterionVerdict {
  /** `specs/x.md#AC-1`. */
  key: string;
  spec: string;
  id: string;
  title: string;
  line: number;
  verdict: 'passed' | 'failed' | 'not-executable' | 'skipped';
  /** The first line of the failure's message. */
  message?: string;
}

export type Judgement =
  | { kind: 'judged'; verdicts: CriterionVerdict[]; durationMs: number }
  | { kind: 'timeout'; durationMs: number }
  | { kind: 'error'; message: string; durationMs: number };

export async function judge(request: JudgeRequest): Promise<Judgement> {
  const started = performance.now();
  const reportDir = await mkdtemp(join(tmpdir(), 'specgate-judge-'));
  const args = [
    SPECGATE_BIN,
    'ci',
    ...request.specs,
    '--report-dir',
    reportDir,
    '--no-vacuity',
    ...(request.bail ? ['--bail'] : []),
    ...(request.target !== undefined ? ['--target', request.target] : []),
    ...(request.criterion !== undefined ? ['--criterion', request.criterion] : []),
  ];
  try {
    const child = spawnInGroup({
      file: process.execPath,
      args,
      cwd: request.root,
      env: { ...withoutTestEnv(process.env), ...request.env, NO_COLOR: '1' },
      keepLines: OUTPUT_TAIL_LINES,
    });
    let timedOut = false;
    const timer =
      request.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            void child.stop(STOP_GRACE_MS);
          }, request.timeoutMs);
    const exit = await child.exited;
    clearTimeout(timer);
    await child.kill();
    const durationMs = performance.now() - started;
    if (timedOut) return { kind: 'timeout', durationMs };
    const report = await readReport(join(reportDir, 'report.json'));
    if (!report || (exit.code !== 0 && exit.code !== 1)) {
      const tail = child.recentLines(OUTPUT_TAIL_LINES).join('\n');
      return {
        kind: 'error',
        message: `specgate ci exited with ${exit.code ?? exit.signal}:\n${tail}`,
        durationMs,
      };
    }
    // Drift, a lint error or an error outside any criterion: the suite did not judge what it should.
    if (report.problems.length > 0) {
      const problems = report.problems.map(
        (problem) => `${problem.kind}: ${problem.file ?? ''} ${problem.message}`,
      );
      return { kind: 'error', message: problems.join('\n'), durationMs };
    }
    return { kind: 'judged', verdicts: verdictsOf(report), durationMs };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

async function readReport(path: string): Promise<RunReport | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as RunReport;
  } catch {
    return undefined;
  }
}

export function verdictsOf(report: RunReport): CriterionVerdict[] {
  return report.specs.flatMap((spec) =>
    spec.sections.flatMap((section) =>
      section.criteria.map((criterion): CriterionVerdict => ({
        key: `${spec.file}#${criterion.id}`,
        spec: spec.file,
        id: criterion.id,
        title: criterion.title,
        line: criterion.line,
        verdict: criterion.verdict,
        ...(criterion.failure ? { message: criterion.failure.message.split('\n')[0]! } : {}),
      })),
    ),
  );
}

/** The parent's test-runner variables would make the child's vitest think it runs inside another one. */
function withoutTestEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const key of ['SPECGATE_TARGET', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'NODE_ENV'])
    delete copy[key];
  return copy;
}
