/**
 * `specgate strength`: how many wrong implementations the compiled suites catch. Stryker's mutants of a
 * JS/TS implementation (`--mutate`), or a directory of known-bad implementations in any language
 * (`--variants`). Writes strength.json, strength.html and strength.md to the report directory.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { durationMs } from '../../parse/durations.js';
import { buildStrengthReport, scorePercent } from '../../strength/report.js';
import { renderStrengthHtml, renderStrengthJson, renderStrengthMarkdown } from '../../strength/render.js';
import type { StrengthReport, StrengthSettings, WrongImplementation } from '../../strength/model.js';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import { writeFilesAtomically } from '../fs-atomic.js';
import { packageVersion } from '../version.js';
import { compileProject } from './compile.js';
import { DEFAULT_REPORT_DIR } from './options.js';

export interface StrengthOptions {
  target?: string;
  mutate?: string[];
  variants?: string[];
  since?: string;
  maxMutants?: string;
  budget?: string;
  concurrency?: string;
  criterion?: string;
  reportDir?: string;
}

export const STRENGTH_FILES = {
  json: 'strength.json',
  html: 'strength.html',
  markdown: 'strength.md',
} as const;

export async function strengthProject(
  context: CliContext,
  args: readonly string[],
  options: StrengthOptions,
): Promise<ExitCodeValue> {
  const settings = parseSettings(options);
  const { specs } = await compileProject(context, args);
  const specFiles = specs.map((spec) => spec.file);
  const started = performance.now();
  const createdAt = new Date();
  let wrong: WrongImplementation[];
  if (options.variants !== undefined) {
    const { judgeVariants, listVariants } = await import('../../strength/variants.js');
    const variants = await listVariants(context.root, options.variants);
    if (variants.length === 0)
      throw new CliError(`--variants ${options.variants.join(' ')}: no variant files found`);
    context.info(`judging ${variants.length} variant(s), ${settings.concurrency} at a time`);
    wrong = await judgeVariants({
      root: context.root,
      specs: specFiles,
      variants,
      concurrency: settings.concurrency,
      bail: options.criterion === undefined,
      ...(options.criterion !== undefined ? { criterion: options.criterion } : {}),
      onJudged: (judged) =>
        context.out(
          `  ${judged.status.padEnd(8)} ${judged.id}${judged.killedBy.length > 0 ? ` by ${judged.killedBy.join(', ')}` : ''}`,
        ),
    });
  } else {
    const { judgeMutants } = await import('../../strength/mutants.js');
    context.info(`mutating ${settings.mutate!.join(' ')} with StrykerJS, ${settings.concurrency} at a time`);
    wrong = await judgeMutants({
      root: context.root,
      specs: specFiles,
      mutate: settings.mutate!,
      concurrency: settings.concurrency,
      verbose: context.verbose,
      ...(options.target !== undefined ? { target: options.target } : {}),
      ...(settings.since !== undefined ? { since: settings.since } : {}),
      ...(settings.maxMutants !== undefined ? { maxMutants: settings.maxMutants } : {}),
      ...(settings.budgetMs !== undefined ? { budgetMs: settings.budgetMs } : {}),
    });
  }
  const report = buildStrengthReport({
    mode: options.variants !== undefined ? 'variants' : 'mutants',
    specs,
    wrong,
    settings,
    ...(options.target !== undefined ? { target: options.target } : {}),
    version: packageVersion(),
    createdAt,
    durationMs: performance.now() - started,
  });
  const reportDir = resolve(context.root, options.reportDir ?? DEFAULT_REPORT_DIR);
  await writeFilesAtomically([
    { path: join(reportDir, STRENGTH_FILES.json), text: renderStrengthJson(report) },
    { path: join(reportDir, STRENGTH_FILES.html), text: renderStrengthHtml(report) },
    { path: join(reportDir, STRENGTH_FILES.markdown), text: renderStrengthMarkdown(report) },
  ]);
  printSummary(context, report, reportDir);
  return ExitCode.ok;
}

function printSummary(context: CliContext, report: StrengthReport, reportDir: string): void {
  const { score } = report;
  context.out('');
  for (const wrong of report.wrong.filter(
    (entry) => entry.status === 'survived' || entry.status === 'no-coverage',
  ))
    context.out(
      `  survived ${wrong.id} ${wrong.file}${wrong.line !== undefined ? `:${wrong.line}` : ''}: ${wrong.question ?? ''}`,
    );
  context.out(
    `specgate strength: score ${scorePercent(score)}: ${score.killed} killed, ${score.timeout} timed out, ${score.survived} survived, ` +
      `${score.noCoverage} not reached, ${score.errors} errors, ${score.notRun} not run (${Math.round(report.durationMs / 1000)} s)`,
  );
  context.out(
    `report: ${Object.values(STRENGTH_FILES)
      .map((file) => join(reportDir, file))
      .join(', ')}`,
  );
}

function parseSettings(options: StrengthOptions): StrengthSettings & { budgetMs?: number } {
  if ((options.mutate === undefined) === (options.variants === undefined))
    throw new CliError(
      'strength: give either --mutate <glob> (mutants of a JS/TS implementation) or --variants <dir>',
    );
  if (options.variants !== undefined && (options.since !== undefined || options.maxMutants !== undefined))
    throw new CliError('--since and --max-mutants apply to --mutate, not to --variants');
  const concurrency =
    positive('--concurrency', options.concurrency) ?? Math.max(1, availableParallelism() - 1);
  const maxMutants = positive('--max-mutants', options.maxMutants);
  let budgetMs: number | undefined;
  if (options.budget !== undefined) {
    budgetMs = durationMs(options.budget);
    if (budgetMs === undefined || budgetMs <= 0)
      throw new CliError(`--budget ${options.budget}: expected a duration such as 90s or 20m`);
  }
  return {
    concurrency,
    ...(options.mutate !== undefined ? { mutate: options.mutate } : {}),
    ...(options.variants !== undefined ? { variants: options.variants.join(' ') } : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(maxMutants !== undefined ? { maxMutants } : {}),
    ...(budgetMs !== undefined ? { budgetMs } : {}),
  };
}

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new CliError(`${flag} ${value}: expected a positive integer`);
  return Number(value);
}
