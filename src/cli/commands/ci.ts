/**
 * `specgate ci`: the gate a team puts in front of a merge. Drift check, lint, the full run (or a shard of it,
 * or the merge of the shards), then every criterion traced to a verdict in four reports.
 */
import { appendFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkDrift } from '../../check/index.js';
import type { DriftEntry } from '../../check/index.js';
import { generatedPathFor } from '../../compile/index.js';
import type { Spec } from '../../ir.js';
import { lintSpec } from '../../lint/index.js';
import type { Problem, RenderedReports, RunReport, SuiteOutcome, VacuityReport } from '../../report/index.js';
import { coveragePercent } from '../../report/text.js';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import { writeFilesAtomically } from '../fs-atomic.js';
import { hasErrors, listDriftSpecFiles, loadGeneratedFiles, loadSpecs, selectSpecFiles } from '../project.js';
import type { LoadedSpec } from '../project.js';
import { printDiagnostics } from '../report-diagnostics.js';
import { mergeShardBlobs, runGeneratedSuites } from '../run-vitest.js';
import { packageVersion } from '../version.js';
import { configuredRules } from './lint.js';
import { DEFAULT_REPORT_DIR } from './options.js';
import { criterionPattern, runtimeEnv, validateRunOptions } from './test.js';
import type { RunOptions } from './test.js';
import { escapeLine } from '../../diagnostics/escape.js';

export interface CiOptions extends RunOptions {
  /** Where the reports go (default `specgate-report`). */
  reportDir?: string;
  /** Fail the gate when any criterion is not executable. */
  requireExecutable?: boolean;
  /** Fail the gate when the executable share is below this (`0.8` or `80%`). */
  minExecutable?: string;
  /** `i/n`: run only this shard and leave a blob for the merge. */
  shard?: string;
  /** Merge the shards' blobs in this directory instead of running tests. */
  merge?: string;
  /** Stop at the first failing criterion. */
  bail?: boolean;
  /** Run only the criterion with this id. */
  criterion?: string;
  /** False with `--no-vacuity`: skip the vacuity check. */
  vacuity?: boolean;
  /** Vacuous criteria fail the gate. */
  strict?: boolean;
}

const BLOB_DIR = 'blobs';

export const REPORT_FILES = {
  json: 'report.json',
  junit: 'junit.xml',
  markdown: 'summary.md',
  comment: 'comment.md',
  html: 'report.html',
} as const;

export async function ciProject(
  context: CliContext,
  args: readonly string[],
  options: CiOptions,
): Promise<ExitCodeValue> {
  validateRunOptions(options);
  const shard = parseShard(options.shard);
  const minExecutable = parseMinExecutable(options);
  if (options.merge !== undefined && shard) throw new CliError('--merge and --shard: use one, not both');
  const reportDir = resolve(context.root, options.reportDir ?? DEFAULT_REPORT_DIR);

  const { loaded, specs } = await loadValidSpecs(context, args);
  const drift = await checkSpecsDrift(context.root, loaded, args.length === 0);
  const lint = await lintProblems(context, specs);
  const notRun = new Map(
    drift
      .filter((entry) => entry.state !== 'orphaned' && entry.spec !== undefined)
      .map((entry) => [entry.file, `not run: ${entry.file} is ${entry.state}; ${entry.reason}`]),
  );
  const suites = specs.map((spec) => generatedPathFor(spec)).filter((suite) => !notRun.has(suite));
  // vitest shards by file and refuses more shards than files.
  if (shard && shard.count > suites.length) {
    throw new CliError(
      `--shard ${shard.index}/${shard.count}: there are ${suites.length} suite(s) to share; use at most ${suites.length} shard(s)`,
    );
  }

  // Loaded on demand: the renderers are only needed here.
  const { buildReport, renderReports } = await import('../../report/index.js');
  const started = new Date();
  const run = await runOrMerge(context, suites, options, shard, reportDir);
  const ran = new Set(run.outcomes.map((outcome) => outcome.suite));
  const vacuity = await vacuityOf(context, specs, ran, options);
  const report = buildReport({
    // A shard reports on its own share; a whole run and a merge on every selected spec.
    specs: shard ? specs.filter((spec) => ran.has(generatedPathFor(spec))) : specs,
    outcomes: run.outcomes,
    notRun,
    ...(options.criterion !== undefined
      ? { selectionReason: `not selected: --criterion ${options.criterion}` }
      : {}),
    problems: [
      ...drift.map((entry): Problem => ({
        kind: 'drift',
        file: entry.file,
        message: `${entry.state}: ${entry.reason}`,
      })),
      ...lint,
      ...run.errors.map((message): Problem => ({ kind: 'error', message })),
    ],
    ...(minExecutable !== undefined ? { minExecutable } : {}),
    version: packageVersion(),
    createdAt: started,
    durationMs: run.durationMs,
    ...(shard ? { shard } : {}),
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(vacuity ? { vacuity } : {}),
  });

  const written = renderReports(report);
  await writeReports(reportDir, written);
  await appendStepSummary(context, written.markdown);
  printSummary(context, report, reportDir);
  return report.gate.passed ? ExitCode.ok : ExitCode.failed;
}

/** Specs with errors stop the gate before anything runs: there is no contract to judge against. */
async function loadValidSpecs(
  context: CliContext,
  args: readonly string[],
): Promise<{ loaded: LoadedSpec[]; specs: Spec[] }> {
  const loaded = await loadSpecs(context.root, await selectSpecFiles(context.root, args));
  for (const spec of loaded)
    printDiagnostics(context, spec.diagnostics, spec.source, { minimum: 'error', to: 'err' });
  const broken = loaded.filter(hasErrors);
  if (broken.length > 0)
    throw new CliError(
      `${broken.map((spec) => escapeLine(spec.file)).join(', ')}: spec errors; nothing was run`,
    );
  return { loaded, specs: loaded.flatMap(({ spec }) => (spec ? [spec] : [])) };
}

/** Drift of the selected specs' suites; with no specs named, orphaned suites count too. */
async function checkSpecsDrift(
  root: string,
  loaded: readonly LoadedSpec[],
  wholeProject: boolean,
): Promise<DriftEntry[]> {
  const selected = new Set(loaded.map((spec) => spec.file));
  // The other specs matter too: a generated file may belong to one of them rather than be orphaned.
  const generated = await loadGeneratedFiles(root);
  const others = await loadSpecs(
    root,
    (await listDriftSpecFiles(root, generated)).filter((file) => !selected.has(file)),
  );
  const report = checkDrift({ specs: [...loaded, ...others], generated });
  return report.entries.filter(
    (entry) => entry.state !== 'ok' && (entry.spec !== undefined ? selected.has(entry.spec) : wholeProject),
  );
}

async function lintProblems(context: CliContext, specs: readonly Spec[]): Promise<Problem[]> {
  const rules = await configuredRules(context.root, []);
  return specs.flatMap((spec) =>
    lintSpec(spec, rules)
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic): Problem => ({
        kind: 'lint',
        file: diagnostic.place.file,
        line: diagnostic.place.start.line,
        column: diagnostic.place.start.column,
        code: diagnostic.code,
        message: diagnostic.message,
      })),
  );
}

interface RunResult {
  outcomes: SuiteOutcome[];
  errors: string[];
  durationMs: number;
}

async function runOrMerge(
  context: CliContext,
  suites: readonly string[],
  options: CiOptions,
  shard: { index: number; count: number } | undefined,
  reportDir: string,
): Promise<RunResult> {
  if (options.merge !== undefined) {
    const blobDir = resolve(context.root, options.merge);
    context.info(`merging shard blobs from ${blobDir}`);
    return mergeShardBlobs(context.root, blobDir);
  }
  if (suites.length === 0) return { outcomes: [], errors: [], durationMs: 0 };
  const result = await runGeneratedSuites({
    root: context.root,
    files: suites.map((suite) => join(context.root, suite)),
    env: runtimeEnv(context, options),
    ...(options.bail ? { bail: 1 } : {}),
    ...(options.criterion !== undefined ? { testNamePattern: criterionPattern(options.criterion) } : {}),
    ...(shard
      ? {
          shard: `${shard.index}/${shard.count}`,
          blobFile: join(reportDir, BLOB_DIR, `blob-${shard.index}-${shard.count}.json`),
        }
      : {}),
  });
  return result;
}

/**
 * The vacuity check of the specs whose suites this run ran (so a shard checks its own share). Not for a
 * merge (the shards did it), nor with --no-vacuity, --criterion or --bail (a partial run, e.g. a mutant's).
 */
async function vacuityOf(
  context: CliContext,
  specs: readonly Spec[],
  ran: ReadonlySet<string>,
  options: CiOptions,
): Promise<VacuityReport | undefined> {
  if (
    options.vacuity === false ||
    options.merge !== undefined ||
    options.criterion !== undefined ||
    options.bail
  )
    return undefined;
  const judged = specs.filter((spec) => ran.has(generatedPathFor(spec)));
  if (judged.length === 0) return undefined;
  const { checkVacuity } = await import('../../strength/vacuity.js');
  context.info('vacuity check: judging each criterion against built-in wrong implementations');
  // The wrong implementations replace whichever target the run judged.
  const env = runtimeEnv(context, options);
  delete env.SPECGATE_TARGET;
  try {
    return await checkVacuity(judged, { root: context.root, strict: options.strict === true, env });
  } catch (error) {
    // The check judges the spec, not the implementation: when it cannot run, the gate says so and goes on.
    context.err(
      `specgate: vacuity check not done: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

export async function writeReports(reportDir: string, rendered: RenderedReports): Promise<void> {
  await writeFilesAtomically(
    (Object.keys(REPORT_FILES) as Array<keyof typeof REPORT_FILES>).map((kind) => ({
      path: join(reportDir, REPORT_FILES[kind]),
      text: rendered[kind],
    })),
  );
}

/** On GitHub Actions the Markdown summary also goes to the job's summary page. */
async function appendStepSummary(context: CliContext, markdown: string): Promise<void> {
  const path = context.io.env.GITHUB_STEP_SUMMARY;
  if (path) await appendFile(path, `${markdown}\n`);
}

function printSummary(context: CliContext, report: RunReport, reportDir: string): void {
  const { colors } = context;
  const { totals, coverage } = report;
  const percent = coveragePercent(coverage, 1);
  const share = percent === null ? 'n/a' : `${percent}%`;
  context.out('');
  context.out(
    `specgate ci${report.shard ? ` (shard ${report.shard.index}/${report.shard.count})` : ''}: ${totals.criteria} criteria: ` +
      `${colors.green(`${totals.passed} passed`)}, ${colors.red(`${totals.failed} failed`)}, ` +
      `${totals.notExecutable} not executable, ${totals.skipped} skipped; ` +
      `spec coverage ${coverage.executable}/${coverage.total} (${share})`,
  );
  for (const reason of report.gate.reasons) context.out(`  ${colors.red('✗')} ${escapeLine(reason.message)}`);
  const findings = report.vacuity && !report.vacuity.strict ? report.vacuity.findings : [];
  for (const finding of findings)
    context.out(
      `  ${colors.yellow('!')} vacuous: ${escapeLine(finding.file)}:${finding.line} ${escapeLine(finding.message)}`,
    );
  const inside = relative(context.root, reportDir).split(sep).join('/');
  // Reports inside the project are named from its root; elsewhere by their absolute path.
  const where = inside === '' ? '.' : inside.startsWith('../') || isAbsolute(inside) ? reportDir : inside;
  context.out(
    `reports: ${Object.values(REPORT_FILES)
      .map((file) => `${where}/${file}`)
      .join(', ')}`,
  );
  context.out(report.gate.passed ? colors.green('gate passed') : colors.red('gate failed'));
}

export function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new CliError(`--shard ${value}: expected i/n with 1 <= i <= n, e.g. 1/3`);
  return { index, count };
}

function parseMinExecutable(options: CiOptions): number | undefined {
  if (options.requireExecutable) {
    if (options.minExecutable !== undefined)
      throw new CliError('--require-executable and --min-executable: use one, not both');
    return 1;
  }
  if (options.minExecutable === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(options.minExecutable.trim());
  const share = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
  if (!(share >= 0 && share <= 1))
    throw new CliError(`--min-executable ${options.minExecutable}: expected a share such as 0.8 or 80%`);
  return share;
}
