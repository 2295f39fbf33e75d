/**
 * `specgate explain`: the long form of a diagnostic code (as `rustc --explain`), or what one
 * criterion means to specgate: its prose, the phrases it matched, the steps it expands to and its
 * last verdict in the report directory. The same data serves the MCP server's `explain` tool.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { stringify } from 'yaml';
import { CATALOGUE } from '../../diagnostics/catalogue.js';
import type { DiagnosticCode } from '../../diagnostics/catalogue.js';
import { escapeLine } from '../../diagnostics/escape.js';
import { EXPLANATIONS } from '../../diagnostics/explanations.js';
import type { Check, Criterion, PhraseUse } from '../../ir.js';
import { SECTION_TITLES } from '../../ir.js';
import { allRules } from '../../lint/rules/index.js';
import type { CriterionReport, RunReport } from '../../report/model.js';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import { listSpecFiles, loadSpecs, selectSpecFiles } from '../project.js';
import { DEFAULT_REPORT_DIR } from './options.js';
import { REPORT_FILES } from './ci.js';

export interface ExplainOptions {
  /** Where `specgate ci` left report.json (default `specgate-report`). */
  reportDir?: string;
  /** `text` (default) or `json`. */
  format?: 'text' | 'json';
}

const CODE = /^SG\d{4}$/i;
// docs/ ships with the package: ../../../docs from src/cli/commands and from dist/cli/commands.
const DOCS_DIR = new URL('../../../docs/', import.meta.url);

export async function explainCommand(
  context: CliContext,
  subject: string,
  criterionId: string | undefined,
  options: ExplainOptions,
): Promise<ExitCodeValue> {
  if (CODE.test(subject)) {
    if (criterionId !== undefined)
      throw new CliError(`explain ${subject}: a diagnostic code takes no criterion (got ${criterionId})`);
    const page = await explainCode(subject);
    context.out(options.format === 'json' ? JSON.stringify(page, null, 2) : page.text);
    return ExitCode.ok;
  }
  const explanation = await explainCriterion(context.root, subject, criterionId, options.reportDir);
  context.out(
    options.format === 'json'
      ? JSON.stringify(explanation, null, 2)
      : renderCriterionExplanation(explanation),
  );
  return ExitCode.ok;
}

/* ------------------------------------------------------------ diagnostic codes */

export interface CodePage {
  code: string;
  severity: string;
  /** The message as diagnostics print it (a template: `{name}` stands for a value). */
  message: string;
  /** The whole page as text. */
  text: string;
}

/** The catalogue page of a code; lint rules' codes print their docs/lint page. */
export async function explainCode(input: string): Promise<CodePage> {
  const code = input.toUpperCase();
  if (code in CATALOGUE) {
    const entry = CATALOGUE[code as DiagnosticCode];
    const { meaning, example, fix } = EXPLANATIONS[code as DiagnosticCode];
    const text = [
      `${code} (${entry.severity}): ${entry.message}`,
      '',
      meaning,
      '',
      'Example:',
      '',
      indent(example),
      '',
      `Fix: ${fix}`,
      '',
      'The spec format: docs/spec-format.md',
    ].join('\n');
    return { code, severity: entry.severity, message: entry.message, text };
  }
  const rule = allRules.find((candidate) => candidate.meta.code === code);
  if (rule) {
    const page = await readFile(new URL(`lint/${rule.meta.id}.md`, DOCS_DIR), 'utf8').catch(() => undefined);
    const text = page ?? `${code} (${rule.meta.severity}) ${rule.meta.id}: ${rule.meta.description}`;
    return { code, severity: rule.meta.severity, message: rule.meta.description, text: text.trimEnd() };
  }
  const known = [...Object.keys(CATALOGUE), ...allRules.map((candidate) => candidate.meta.code)];
  throw new CliError(`${input}: no such diagnostic code; did you mean ${closest(code, known)}?`);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : `    ${line}`))
    .join('\n');
}

/* ------------------------------------------------------------------- criteria */

export interface CriterionExplanation {
  spec: string;
  id: string;
  name?: string;
  section: string;
  /** `specs/x.md:12:3`, where the criterion is written. */
  place: string;
  prose: string;
  /** What each clause of the prose was taken to mean (criteria compiled through phrases). */
  phrases?: PhraseUse[];
  /** The steps the criterion runs, as data without source positions; absent when not executable. */
  check?: unknown;
  /** Why the criterion cannot run, when it cannot. */
  notExecutable?: string;
  /** Its verdict in the last report, when there is one. */
  last?: { report: string; createdAt: string; criterion: CriterionReport };
}

/**
 * Finds the criterion (`spec` a file or a spec name; a lone criterion id is looked up in every
 * spec) and gathers what it means and its last verdict.
 */
export async function explainCriterion(
  root: string,
  subject: string,
  criterionId: string | undefined,
  reportDir: string = DEFAULT_REPORT_DIR,
): Promise<CriterionExplanation> {
  const { file, criterion } = await findCriterion(root, subject, criterionId);
  const last = await lastVerdict(resolve(root, reportDir), file, criterion.id);
  return {
    spec: file,
    id: criterion.id,
    ...(criterion.name !== undefined ? { name: criterion.name } : {}),
    section: SECTION_TITLES[criterion.section],
    place: `${file}:${criterion.place.start.line}:${criterion.place.start.column}`,
    prose: criterion.prose,
    ...(criterion.phrases && criterion.phrases.length > 0 ? { phrases: criterion.phrases } : {}),
    ...(criterion.check ? { check: withoutPlaces(criterion.check) } : {}),
    ...(criterion.check === undefined
      ? { notExecutable: criterion.notExecutable ?? 'no yaml block: the criterion is prose only' }
      : {}),
    ...(last ? { last: { ...last, report: relativeTo(root, last.report) } } : {}),
  };
}

async function findCriterion(
  root: string,
  subject: string,
  criterionId: string | undefined,
): Promise<{ file: string; criterion: Criterion }> {
  const id = criterionId ?? subject;
  const files =
    criterionId === undefined ? await listSpecFiles(root) : await selectSpecFiles(root, [subject]);
  const loaded = await loadSpecs(root, files);
  const found = loaded.flatMap(({ file, spec }) =>
    (spec?.sections ?? []).flatMap((section) =>
      section.criteria.filter((c) => c.id === id).map((criterion) => ({ file, criterion })),
    ),
  );
  if (found.length === 1) return found[0]!;
  if (found.length > 1)
    throw new CliError(
      `${id}: a criterion of ${found.map((f) => f.file).join(', ')}; name the spec: specgate explain ${found[0]!.file} ${id}`,
    );
  const broken = loaded.filter((spec) => spec.spec === undefined).map((spec) => spec.file);
  const ids = loaded.flatMap(({ spec }) =>
    (spec?.sections ?? []).flatMap((s) => s.criteria.map((c) => c.id)),
  );
  const hint = ids.length > 0 ? `; did you mean ${closest(id, ids)}?` : '';
  const unreadable = broken.length > 0 ? ` (${broken.join(', ')} did not parse: run specgate lint)` : '';
  throw new CliError(`${id}: no criterion with this id in ${files.join(', ')}${hint}${unreadable}`);
}

/** Source positions say where the spec was written, not what it does: left out of what is shown. */
function withoutPlaces(check: Check): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, field]) => key !== 'place' && field !== undefined)
        .map(([key, field]) => [key, strip(field)]),
    );
  };
  return strip(check);
}

async function lastVerdict(
  reportDir: string,
  file: string,
  id: string,
): Promise<{ report: string; createdAt: string; criterion: CriterionReport } | undefined> {
  const path = join(reportDir, REPORT_FILES.json);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let report: RunReport;
  try {
    report = JSON.parse(text) as RunReport;
  } catch {
    return undefined;
  }
  const criterion = report.specs
    ?.find((spec) => spec.file === file)
    ?.sections.flatMap((section) => section.criteria)
    .find((candidate) => candidate.id === id);
  return criterion ? { report: path, createdAt: report.createdAt, criterion } : undefined;
}

function relativeTo(root: string, path: string): string {
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}

export function renderCriterionExplanation(explanation: CriterionExplanation): string {
  const { id, name, section, place, prose, phrases, check, notExecutable, last } = explanation;
  const lines = [`${id}${name ? ` ${name}` : ''} (${section}) ${place}`, '', prose];
  if (phrases) {
    lines.push('', 'Phrases:');
    for (const use of phrases) {
      const matched = use.phrase ? `${use.book ? `${use.book}: ` : ''}${use.phrase}` : 'no phrase matched';
      const parameters = Object.entries(use.parameters ?? {}).map(
        ([key, value]) => `${key}=${String(value)}`,
      );
      lines.push(
        `  "${use.clause}" → ${matched}${parameters.length > 0 ? ` (${parameters.join(', ')})` : ''}`,
      );
      for (const mapping of use.timeMappings ?? []) lines.push(`    time: ${mapping}`);
    }
  }
  if (check !== undefined) {
    lines.push('', 'Runs (durations in ms):', '', indent(stringify(check).trimEnd()));
  } else {
    lines.push('', `Not executable: ${notExecutable ?? 'no check'}`);
  }
  lines.push('', ...lastLines(last));
  return lines.join('\n');
}

function lastLines(last: CriterionExplanation['last']): string[] {
  if (!last) return ['Last verdict: none (no report; `specgate ci` writes one)'];
  const { criterion } = last;
  const head = `Last verdict: ${criterion.verdict} (${last.report}, ${last.createdAt})`;
  if (criterion.verdict === 'passed')
    return [`${head}: ${criterion.runs ?? 1} run(s), seed ${criterion.seed ?? 'n/a'}`];
  if (criterion.failure === undefined) return [criterion.reason ? `${head}: ${criterion.reason}` : head];
  const { failure } = criterion;
  return [
    head,
    indent(failure.message),
    ...(failure.faults.length > 0 ? ['  faults:', ...failure.faults.map((fault) => `    ${fault}`)] : []),
    ...(failure.transcript.length > 0
      ? ['  last requests:', ...failure.transcript.slice(-4).map((line) => `    ${line}`)]
      : []),
    `  replay: ${escapeLine(failure.replay)}`,
  ];
}
