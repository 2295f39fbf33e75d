/**
 * Runs generated suites with vitest in this process: the `generated` project of the
 * project's vitest config when it has one, otherwise an inline config equivalent to it.
 */
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, Vitest } from 'vitest/node';
import { holdExitForChildren } from '../runtime/process/index.js';
import { outcomesFromTestModules } from '../report/vitest-outcomes.js';
import type { SuiteOutcome } from '../report/collect.js';
import { CliError } from './errors.js';

export interface VitestRunOptions {
  root: string;
  /** Absolute paths of the suites to run. */
  files: string[];
  /** Only tests whose full name matches. */
  testNamePattern?: RegExp;
  /** Env the runtime reads (SPECGATE_*), set for the duration of the run. */
  env: Record<string, string>;
  /** vitest's `--shard`, e.g. `1/3`: this process runs only its share of the files. */
  shard?: string;
  /** Also write vitest's blob report here, for a later merge of the shards. */
  blobFile?: string;
  /** No reporter output (a run whose outcomes only feed another report). */
  quiet?: boolean;
  /** Stop after this many failed tests (a mutant is killed by its first failing criterion). */
  bail?: number;
  /** Aborting cancels the run: no test starts after it; hooks still stop targets and services. */
  signal?: AbortSignal;
  /** Called as each test ends. */
  onProgress?: (progress: TestProgress) => void;
}

/** Where a run is: how many of its tests have ended, and the last one. */
export interface TestProgress {
  done: number;
  /** Tests collected so far (grows as suite files load). */
  total: number;
  /** The test that just ended, e.g. `FM-1 cache-down: …`, and how it ended. */
  test: string;
  state: string;
}

export interface VitestRunResult {
  /** True when every selected test passed (or was a todo). */
  passed: boolean;
  outcomes: SuiteOutcome[];
  /** Errors outside any test (unhandled rejections, failed imports). */
  errors: string[];
  durationMs: number;
  /** True when the signal cancelled the run. */
  cancelled: boolean;
}

const CONFIG_FILES = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `vitest.config.${ext}`);
const GENERATED_PROJECT = 'generated';
/** Lists every criterion with its verdict, fast or slow (the default reporter hides fast passes off a terminal). */
const CONSOLE_REPORTER = 'tree';
// `.ts` in a checkout run through tsx, `.js` in the built package.
const RUNTIME_ENTRY = fileURLToPath(new URL(`../runtime/index${extname(import.meta.url)}`, import.meta.url));

export async function runGeneratedSuites(options: VitestRunOptions): Promise<VitestRunResult> {
  const config = findVitestConfig(options.root);
  const started = performance.now();
  const restoreEnv = setEnv(options.env);
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  const control = controlReporter(options);
  // An interrupted CLI takes its vitest workers, and so their targets and services, with it.
  const releaseExit = holdExitForChildren();
  try {
    // Loaded on demand: vitest's node API (vite, esbuild) would double the start-up of every other command.
    const { startVitest } = await import('vitest/node');
    const vitest = await startVitest(
      'test',
      options.files,
      {
        root: options.root,
        run: true,
        watch: false,
        ...(options.testNamePattern ? { testNamePattern: options.testNamePattern } : {}),
        ...(options.shard !== undefined ? { shard: options.shard } : {}),
        ...(options.bail !== undefined ? { bail: options.bail } : {}),
        reporters: [
          // The quiet run's reporter reports nothing: the run's outcomes only feed another report.
          ...(options.quiet ? [] : [CONSOLE_REPORTER]),
          ...(options.blobFile !== undefined
            ? [['blob', { outputFile: options.blobFile }] as ['blob', { outputFile: string }]]
            : []),
          control.reporter,
        ],
        ...projectOptions(config),
      },
      config ? undefined : inlineConfig(),
    );
    const failed =
      (process.exitCode ?? 0) !== 0 ||
      vitest.state.getCountOfFailedTests() > 0 ||
      vitest.state.getFiles().some((file) => file.result?.state === 'fail');
    return {
      passed: !failed,
      outcomes: outcomesFromTestModules(options.root, vitest.state.getTestModules()),
      errors: vitest.state.getUnhandledErrors().map(errorMessage),
      durationMs: performance.now() - started,
      cancelled: control.cancelled(),
    };
  } catch (error) {
    throw explainConfigError(error, config);
  } finally {
    control.dispose();
    releaseExit();
    process.exitCode = previousExitCode;
    restoreEnv();
  }
}

/**
 * A reporter that prints nothing: it hands each ended test to `onProgress`, and cancels the run when
 * `signal` aborts (vitest lets running tests end, and runs their hooks, which stop what they started).
 */
function controlReporter(options: Pick<VitestRunOptions, 'signal' | 'onProgress'>) {
  let vitest: Vitest | undefined;
  let cancelled = options.signal?.aborted === true;
  let done = 0;
  const cancel = (): void => {
    cancelled = true;
    void vitest?.cancelCurrentRun('keyboard-input');
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  const reporter: Reporter = {
    onInit(instance) {
      vitest = instance;
      if (cancelled) cancel();
    },
    onTestCaseResult(testCase) {
      done += 1;
      const total = vitest?.state
        .getTestModules()
        .reduce((sum, module) => sum + [...module.children.allTests()].length, 0);
      options.onProgress?.({
        done,
        total: Math.max(done, total ?? done),
        test: testCase.name,
        state: testCase.result().state,
      });
    },
  };
  return {
    reporter,
    cancelled: () => cancelled,
    dispose: () => options.signal?.removeEventListener('abort', cancel),
  };
}

/**
 * Starts vitest in watch mode: it runs the suites, then reruns a generated suite whenever its file
 * changes (specgate's spec watcher recompiles specs into those files). `files` empty: every suite,
 * including suites that appear later.
 */
export async function watchGeneratedSuites(
  options: Omit<VitestRunOptions, 'shard' | 'blobFile' | 'bail' | 'quiet'>,
): Promise<void> {
  const config = findVitestConfig(options.root);
  // The env stays set and the exit held: the watch lasts as long as the process.
  setEnv(options.env);
  holdExitForChildren();
  try {
    const { startVitest } = await import('vitest/node');
    await startVitest(
      'test',
      options.files,
      {
        root: options.root,
        run: false,
        watch: true,
        reporters: [CONSOLE_REPORTER],
        ...(options.testNamePattern ? { testNamePattern: options.testNamePattern } : {}),
        ...projectOptions(config),
      },
      config ? undefined : inlineConfig(),
    );
  } catch (error) {
    throw explainConfigError(error, config);
  }
}

export interface MergedRun {
  outcomes: SuiteOutcome[];
  errors: string[];
  /** The shards' test time, summed. */
  durationMs: number;
}

/** Merges the blob reports of sharded runs (vitest's merge-reports) into the outcomes of one run. */
export async function mergeShardBlobs(root: string, blobDir: string): Promise<MergedRun> {
  const config = findVitestConfig(root);
  const previousExitCode = process.exitCode;
  try {
    const { createVitest } = await import('vitest/node');
    const vitest = await createVitest(
      'test',
      {
        root,
        run: true,
        watch: false,
        mergeReports: blobDir,
        reporters: ['default'],
        ...projectOptions(config),
      },
      config ? undefined : inlineConfig(),
    );
    try {
      const { testModules, unhandledErrors } = await vitest.mergeReports(blobDir);
      const durationMs = testModules.reduce((sum, module) => sum + module.diagnostic().duration, 0);
      return {
        outcomes: outcomesFromTestModules(root, testModules),
        errors: unhandledErrors.map(errorMessage),
        durationMs,
      };
    } finally {
      await vitest.close();
    }
  } catch (error) {
    throw explainConfigError(error, config);
  } finally {
    process.exitCode = previousExitCode;
  }
}

function findVitestConfig(root: string): string | undefined {
  return CONFIG_FILES.map((name) => join(root, name)).find((path) => existsSync(path));
}

function projectOptions(config: string | undefined) {
  return config ? { config, project: [GENERATED_PROJECT] } : { config: false as const };
}

function explainConfigError(error: unknown, config: string | undefined): unknown {
  if (error instanceof Error && error.message.startsWith('No projects matched')) {
    return new CliError(
      `${config}: has no vitest project named "${GENERATED_PROJECT}" (include: ['generated/**/*.test.ts']); add one`,
    );
  }
  return error;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

/** The `generated` project of specgate's own config, for projects without a vitest config. */
function inlineConfig() {
  return {
    resolve: { alias: { 'specgate/runtime': RUNTIME_ENTRY } },
    test: {
      include: ['generated/**/*.test.ts'],
      testTimeout: 600_000,
      hookTimeout: 120_000,
      fileParallelism: false,
    },
  };
}

function setEnv(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
