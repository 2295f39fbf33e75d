/**
 * Mutants of a JS/TS implementation, made and scheduled by StrykerJS (its sandbox, instrumenter,
 * concurrency and timeouts), judged by the specgate test-runner plugin (test-runner.ts), and turned
 * into the wrong implementations of a strength report.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { LogLevel, MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';
import { glob } from 'tinyglobby';
import type { WrongImplementation, WrongStatus } from './model.js';
import { possiblyEquivalent, questionFor } from './questions.js';
import { NOT_RUN_PREFIX, SETTINGS_ENV } from './test-runner.js';
import type { StrengthRunSettings } from './test-runner.js';

const TEST_RUNNER_PLUGIN = fileURLToPath(new URL('./stryker-plugin.mjs', import.meta.url));
/** Added to Stryker's timeout (its factor times the clean run): a run starts vitest, the target and services. */
const TIMEOUT_MARGIN_MS = 60_000;
/** Stryker's sandboxes, one directory per run (cleanTempDir removes the whole directory). */
const TEMP_DIR_PREFIX = '.stryker-tmp';

export interface MutantsRequest {
  root: string;
  specs: string[];
  target?: string;
  /** Glob patterns of the files to mutate (Stryker's `mutate`; `!pattern` excludes). */
  mutate: string[];
  /** Mutate only files changed since this git ref. */
  since?: string;
  maxMutants?: number;
  budgetMs?: number;
  concurrency: number;
  verbose: boolean;
}

export async function judgeMutants(request: MutantsRequest): Promise<WrongImplementation[]> {
  const mutate = request.since === undefined ? request.mutate : await changedSince(request);
  if (mutate.length === 0) return [];
  const budgetDir = await mkdtemp(join(tmpdir(), 'specgate-strength-'));
  const settings: StrengthRunSettings = {
    specs: request.specs,
    budgetDir,
    ...(request.target !== undefined ? { target: request.target } : {}),
    ...(request.maxMutants !== undefined ? { maxMutants: request.maxMutants } : {}),
    ...(request.budgetMs !== undefined ? { deadline: Date.now() + request.budgetMs } : {}),
  };
  const previous = process.env[SETTINGS_ENV];
  process.env[SETTINGS_ENV] = JSON.stringify(settings);
  const cwd = process.cwd();
  try {
    // Stryker reads its files from the working directory.
    process.chdir(request.root);
    const { Stryker } = await import('@stryker-mutator/core');
    const options: PartialStrykerOptions = {
      testRunner: 'specgate',
      plugins: [TEST_RUNNER_PLUGIN],
      mutate,
      coverageAnalysis: 'off',
      timeoutMS: TIMEOUT_MARGIN_MS,
      concurrency: request.concurrency,
      checkers: [],
      reporters: [request.verbose ? 'progress' : 'dots'],
      logLevel: (request.verbose ? 'info' : 'warn') as LogLevel,
      fileLogLevel: 'off' as LogLevel,
      tempDirName: `${TEMP_DIR_PREFIX}-${process.pid}`,
      cleanTempDir: true,
      ignorePatterns: ['specgate-report', 'dist', `${TEMP_DIR_PREFIX}*`],
      // Stryker would otherwise add `// @ts-nocheck` to files it does not mutate (generated/ would drift).
      disableTypeChecks: false,
      allowEmpty: true,
      incremental: false,
    };
    const results = await new Stryker(options).runMutationTest();
    return Promise.all(results.map((result) => wrongFromMutant(request.root, result)));
  } finally {
    process.chdir(cwd);
    if (previous === undefined) delete process.env[SETTINGS_ENV];
    else process.env[SETTINGS_ENV] = previous;
    await rm(budgetDir, { recursive: true, force: true });
  }
}

/** The files `git diff` names since the ref (and untracked ones) that match the mutate patterns. */
async function changedSince(request: MutantsRequest): Promise<string[]> {
  const git = (args: string[]) =>
    promisify(execFile)('git', args, { cwd: request.root }).then(({ stdout }) =>
      stdout.split('\n').filter(Boolean),
    );
  const changed = [
    ...(await git(['diff', '--name-only', request.since!, '--'])),
    ...(await git(['ls-files', '--others', '--exclude-standard'])),
  ];
  const matching = new Set(await glob(request.mutate, { cwd: request.root }));
  return [...new Set(changed)].filter((file) => matching.has(file));
}

const STATUS: Record<string, WrongStatus> = {
  Killed: 'killed',
  Timeout: 'timeout',
  Survived: 'survived',
  NoCoverage: 'no-coverage',
  RuntimeError: 'error',
  CompileError: 'error',
  Ignored: 'not-run',
  Pending: 'not-run',
};

async function wrongFromMutant(root: string, result: MutantResult): Promise<WrongImplementation> {
  const file = projectPath(root, result.fileName);
  const source = await readFile(join(root, file), 'utf8');
  const lines = source.split('\n');
  // The results' positions are one-based (mutation-testing-report-schema); the helpers below take zero-based ones.
  const start = { line: result.location.start.line - 1, column: result.location.start.column - 1 };
  const end = { line: result.location.end.line - 1, column: result.location.end.column - 1 };
  const original = sliceLines(lines, start, end);
  const line = start.line + 1;
  const notRun = result.statusReason?.startsWith(NOT_RUN_PREFIX) === true;
  const status: WrongStatus = notRun ? 'not-run' : (STATUS[result.status] ?? 'error');
  const facts = { mutator: result.mutatorName, original, replacement: result.replacement, file, line };
  const survived = status === 'survived' || status === 'no-coverage';
  const equivalent = survived ? possiblyEquivalent(facts, lines[start.line] ?? '') : undefined;
  return {
    id: result.id,
    status,
    killedBy: status === 'killed' ? (result.killedBy ?? []) : [],
    file,
    line,
    column: start.column + 1,
    mutator: result.mutatorName,
    original,
    replacement: result.replacement,
    diff: unifiedDiff(file, lines, start, end, result.replacement),
    ...(survived ? { question: questionFor(facts) } : {}),
    ...(equivalent !== undefined ? { possiblyEquivalent: equivalent } : {}),
    ...(result.statusReason
      ? {
          reason: notRun ? result.statusReason.slice(NOT_RUN_PREFIX.length) : firstLines(result.statusReason),
        }
      : {}),
  };
}

function projectPath(root: string, fileName: string): string {
  return (isAbsolute(fileName) ? relative(root, fileName) : fileName).split(sep).join('/');
}

type Position = { line: number; column: number };

function sliceLines(lines: readonly string[], start: Position, end: Position): string {
  if (start.line === end.line) return (lines[start.line] ?? '').slice(start.column, end.column);
  return [
    (lines[start.line] ?? '').slice(start.column),
    ...lines.slice(start.line + 1, end.line),
    (lines[end.line] ?? '').slice(0, end.column),
  ].join('\n');
}

/** The mutated lines as a unified diff, the way a reviewer reads a change. */
function unifiedDiff(
  file: string,
  lines: readonly string[],
  start: Position,
  end: Position,
  replacement: string,
): string {
  const before = lines.slice(start.line, end.line + 1);
  const after =
    `${(lines[start.line] ?? '').slice(0, start.column)}${replacement}${(lines[end.line] ?? '').slice(end.column)}`.split(
      '\n',
    );
  return [
    `--- a/${file}`,
    `+++ b/${file}`,
    `@@ -${start.line + 1},${before.length} +${start.line + 1},${after.length} @@`,
    ...before.map((text) => `-${text}`),
    ...after.map((text) => `+${text}`),
  ].join('\n');
}

function firstLines(text: string): string {
  return text.split('\n').slice(0, 12).join('\n');
}
