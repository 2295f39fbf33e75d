import { join } from 'node:path';
import { SECTION_KINDS, SECTION_TITLES } from '../../ir.js';
import type { Spec } from '../../ir.js';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import type { RunReport } from '../../report/model.js';
import { runGeneratedSuites } from '../run-vitest.js';
import type { TestProgress } from '../run-vitest.js';
import { packageVersion } from '../version.js';
import { compileProject } from './compile.js';

/** Options that steer the runtime, shared by `test` and `ci`. */
export interface RunOptions {
  target?: string;
  seed?: string;
  path?: string;
  runs?: string;
}

export interface TestOptions extends RunOptions {
  criterion?: string;
  /** `default` (vitest's tree, for people) or `agent` (failures only); else SPECGATE_REPORTER. */
  reporter?: string;
}

export const TEST_REPORTERS = ['default', 'agent'] as const;
export type TestReporter = (typeof TEST_REPORTERS)[number];

/** Compiles, then runs the generated suites; exit 0 when all passed, 1 when any failed. */
export async function testProject(
  context: CliContext,
  args: readonly string[],
  options: TestOptions,
): Promise<ExitCodeValue> {
  const reporter = chosenReporter(options.reporter, context.io.env.SPECGATE_REPORTER);
  if (reporter === 'agent') {
    const { report, passed } = await runSpecs(context, args, options);
    const { renderAgent } = await import('../../report/agent.js');
    context.io.stdout(renderAgent(report));
    return passed ? ExitCode.ok : ExitCode.failed;
  }
  validateRunOptions(options);
  const { suites, specs } = await compileProject(context, args);
  checkCriterionExists(options.criterion, specs);
  const { passed } = await runGeneratedSuites({
    root: context.root,
    files: suites.map((suite) => join(context.root, suite)),
    ...(options.criterion !== undefined ? { testNamePattern: criterionPattern(options.criterion) } : {}),
    env: runtimeEnv(context, options),
  });
  return passed ? ExitCode.ok : ExitCode.failed;
}

function chosenReporter(option: string | undefined, env: string | undefined): TestReporter {
  const [name, from] =
    option !== undefined ? [option, '--reporter'] : [env || 'default', 'SPECGATE_REPORTER'];
  if (!(TEST_REPORTERS as readonly string[]).includes(name))
    throw new CliError(`${from} ${name}: expected one of ${TEST_REPORTERS.join(', ')}`);
  return name as TestReporter;
}

function checkCriterionExists(criterion: string | undefined, specs: readonly Spec[]): void {
  if (
    criterion !== undefined &&
    !specs.some((spec) => spec.sections.some((s) => s.criteria.some((c) => c.id === criterion)))
  ) {
    throw new CliError(
      `--criterion ${criterion}: no criterion with this id in ${specs.map((spec) => spec.file).join(', ')}`,
    );
  }
}

/** How a caller (the MCP server) follows and stops a run. */
export interface RunControl {
  /** Aborting stops the run: no test starts after it, and every target and service is stopped. */
  signal?: AbortSignal;
  onProgress?: (progress: TestProgress) => void;
}

export interface SpecRun {
  /** Every criterion of the selected specs traced to a verdict, with its evidence. */
  report: RunReport;
  /** True when every selected test passed. */
  passed: boolean;
  /** True when the signal stopped the run before its end. */
  cancelled: boolean;
}

/**
 * Compiles, runs the selected specs' suites without console output, and traces every criterion to a
 * verdict: the data behind `--reporter agent` and the MCP server's `test` tool.
 */
export async function runSpecs(
  context: CliContext,
  args: readonly string[],
  options: TestOptions,
  control: RunControl = {},
): Promise<SpecRun> {
  validateRunOptions(options);
  const { suites, specs } = await compileProject(context, args);
  checkCriterionExists(options.criterion, specs);
  const started = new Date();
  const run = await runGeneratedSuites({
    root: context.root,
    files: suites.map((suite) => join(context.root, suite)),
    ...(options.criterion !== undefined ? { testNamePattern: criterionPattern(options.criterion) } : {}),
    env: runtimeEnv(context, options),
    quiet: true,
    ...(control.signal ? { signal: control.signal } : {}),
    ...(control.onProgress ? { onProgress: control.onProgress } : {}),
  });
  const { buildReport } = await import('../../report/index.js');
  const report = buildReport({
    specs,
    outcomes: run.outcomes,
    ...(options.criterion !== undefined
      ? { selectionReason: `not selected: --criterion ${options.criterion}` }
      : {}),
    problems: run.errors.map((message) => ({ kind: 'error' as const, message })),
    version: packageVersion(),
    createdAt: started,
    durationMs: run.durationMs,
    ...(options.target !== undefined ? { target: options.target } : {}),
  });
  return { report, passed: run.passed, cancelled: run.cancelled };
}

/** The SPECGATE_* env the runtime reads for these options. */
export function runtimeEnv(context: CliContext, options: RunOptions): Record<string, string> {
  const env: Record<string, string> = { SPECGATE_ROOT: context.root };
  if (options.target !== undefined) env.SPECGATE_TARGET = options.target;
  if (options.seed !== undefined) env.SPECGATE_SEED = options.seed;
  if (options.path !== undefined) env.SPECGATE_PATH = options.path;
  if (options.runs !== undefined) env.SPECGATE_RUNS = options.runs;
  if (context.verbose) env.SPECGATE_VERBOSE = '1';
  return { ...env, ...colorEnv(context.color) };
}

/**
 * vitest colours its output unless told otherwise (tinyrainbow treats any stream as a terminal),
 * so the CLI's own decision (NO_COLOR, FORCE_COLOR, a TTY) is handed on: no ANSI codes in a pipe or a file.
 */
function colorEnv(color: boolean): Record<string, string> {
  return color ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' };
}

/**
 * Matches the test titled `<id> name: prose` or `<id>: prose`. vitest matches the full name
 * (file, describe and test titles joined by spaces), so the id is anchored right after a
 * section's describe title: an id mentioned in another criterion's prose does not match.
 */
export function criterionPattern(id: string): RegExp {
  const sections = SECTION_KINDS.map((kind) => escapeRegExp(SECTION_TITLES[kind])).join('|');
  return new RegExp(`(?:^|\\s)(?:${sections}) ${escapeRegExp(id)}[ :]`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function validateRunOptions(options: TestOptions): void {
  if (options.seed !== undefined && !/^-?\d+$/.test(options.seed)) {
    throw new CliError(`--seed ${options.seed}: expected an integer`);
  }
  if (options.runs !== undefined && !/^[1-9]\d*$/.test(options.runs)) {
    throw new CliError(`--runs ${options.runs}: expected a positive integer`);
  }
  if (options.path !== undefined && !/^\d+(:\d+)*$/.test(options.path)) {
    throw new CliError(`--path ${options.path}: expected a fast-check path such as 0:1:3`);
  }
  if (options.criterion !== undefined && options.criterion.trim() === '') {
    throw new CliError('--criterion: expected a criterion id such as AC-1');
  }
}
