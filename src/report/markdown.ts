/**
 * The report as a Markdown summary for GitHub: the job summary (`GITHUB_STEP_SUMMARY`, capped at
 * 1 MiB) and a pull-request comment (capped at 65,536 characters). The verdict and the counts come
 * first; evidence of failures last, so when the text must shrink, evidence is what goes.
 */
import type { Coverage, CriterionReport, FailureEvidence, Problem, RunReport, Verdict } from './model.js';
import {
  coveragePercent,
  evidenceLists,
  locatedCriteria,
  percentOf,
  plainText,
  prettyJson,
  problemPlace,
  runFacts,
  VERDICT_COUNTS,
  VERDICT_LABELS,
  type LocatedCriterion,
} from './text.js';

export interface MarkdownOptions {
  /**
   * Largest result, in UTF-8 bytes. A string never has more characters than bytes, so the one bound
   * serves GitHub's byte cap on job summaries and its character cap on comments (pass 65_000 there).
   */
  maxLength?: number;
}

/** Below GITHUB_STEP_SUMMARY's cap of 1 MiB (1,048,576 bytes). */
export const DEFAULT_MAX_LENGTH = 1_000_000;

export function renderMarkdown(report: RunReport, options: MarkdownOptions = {}): string {
  const maxLength = Math.max(0, Math.floor(options.maxLength ?? DEFAULT_MAX_LENGTH));
  return fit(layout(report), maxLength);
}

/* ------------------------------------------------------------------ layout */

/** A failed criterion: the part always shown, and its evidence, which may be cut. */
interface FailedEntry {
  head: string;
  evidence: string;
}

/** The summary as blocks (each ending in a newline), joined by blank lines. */
interface Layout {
  before: string[];
  failedHeading?: string;
  failed: FailedEntry[];
  after: string[];
}

function layout(report: RunReport): Layout {
  const criteria = locatedCriteria(report);
  const withVerdict = (verdict: Verdict): LocatedCriterion[] =>
    criteria.filter((entry) => entry.criterion.verdict === verdict);
  const failed = withVerdict('failed');

  const before = [headline(report), figures(report)];
  if (report.specs.length > 0) before.push(specTable(report));
  const emptySections = report.specs.filter((spec) => spec.sectionsWithoutCriteria.length > 0);
  if (emptySections.length > 0) {
    before.push(
      heading('Sections without criteria'),
      list(
        emptySections.map(
          (spec) => `${inline(spec.file)}: ${spec.sectionsWithoutCriteria.map(inline).join(', ')}`,
        ),
      ),
    );
  }
  if (report.problems.length > 0) {
    before.push(heading(`Problems (${report.problems.length})`), list(report.problems.map(problemItem)));
  }
  const vacuous = report.vacuity?.findings ?? [];
  if (vacuous.length > 0) {
    before.push(
      heading(`Vacuous criteria (${vacuous.length})`),
      list(
        vacuous.map((finding) => `${inline(`${finding.file}:${finding.line}`)}: ${inline(finding.message)}`),
      ),
    );
  }

  const after: string[] = [];
  const unchecked = criteria.filter((entry) => entry.criterion.unchecked !== undefined);
  if (unchecked.length > 0) {
    after.push(
      heading(`Unchecked (${unchecked.length}): ran, but not evidence of their prose`),
      list(
        unchecked.map(
          ({ criterion }) =>
            `${inline(label(criterion))} (${code(`${criterion.file}:${criterion.line}`)}) — ${inline(criterion.unchecked ?? '')}`,
        ),
      ),
    );
  }
  for (const verdict of ['not-executable', 'skipped'] as const) {
    const entries = withVerdict(verdict);
    if (entries.length > 0)
      after.push(verdictHeading(verdict, entries.length), list(entries.map(reasonItem)));
  }

  return {
    before,
    ...(failed.length > 0 ? { failedHeading: verdictHeading('failed', failed.length) } : {}),
    failed: failed.map((entry) => ({
      head: failedHead(entry),
      evidence: evidenceBlock(entry.criterion.failure),
    })),
    after,
  };
}

function headline(report: RunReport): string {
  if (report.gate.passed) {
    return `## ✅ specgate: gate passed\n\nEvery executable criterion passed (${report.totals.passed} of ${report.totals.criteria} criteria).\n`;
  }
  const { reasons } = report.gate;
  const messages = reasons.length > 0 ? reasons.map((reason) => reason.message) : ['the gate gave no reason'];
  return `## ❌ specgate: gate failed\n\n${list(messages.map(inline))}`;
}

function figures(report: RunReport): string {
  const { totals } = report;
  const required =
    report.gate.minExecutable !== undefined ? `; required: ${percentOf(report.gate.minExecutable)}` : '';
  const counts = VERDICT_COUNTS.map(({ verdict, key }) => `${totals[key]} ${VERDICT_LABELS[verdict]}`);
  const context = [
    `specgate ${inline(report.tool.version)}`,
    `${(report.durationMs / 1000).toFixed(1)} s`,
    ...(report.shard ? [`shard ${report.shard.index}/${report.shard.count}`] : []),
    ...(report.target !== undefined ? [`target ${code(report.target)}`] : []),
  ];
  return (
    [
      `**Spec coverage: ${coverageShare(report.coverage)}** (${report.coverage.executable} of ${report.coverage.total} criteria executable${required})`,
      `${totals.criteria} criteria: ${counts.join(' · ')}`,
      context.join(' · '),
    ].join('  \n') + '\n'
  );
}

function specTable(report: RunReport): string {
  const row = (cells: readonly (string | number)[]): string => `| ${cells.join(' | ')} |`;
  const totalsRow = (name: string, totals: RunReport['totals'], cover: Coverage): string =>
    row([name, ...VERDICT_COUNTS.map(({ key }) => totals[key]), coverage(cover)]);
  return (
    [
      row(['Spec', ...VERDICT_COUNTS.map(({ verdict }) => capitalized(VERDICT_LABELS[verdict])), 'Coverage']),
      row([':---', '---:', '---:', '---:', '---:', '---:']),
      ...report.specs.map((spec) =>
        totalsRow(`${inline(spec.file)} — ${inline(spec.title)}`, spec.totals, spec.coverage),
      ),
      ...(report.specs.length > 1 ? [totalsRow('**All specs**', report.totals, report.coverage)] : []),
    ].join('\n') + '\n'
  );
}

function problemItem(problem: Problem): string {
  const where = problemPlace(problem);
  const place = where === undefined ? '' : ` ${code(where)}`;
  const codeLabel = problem.code !== undefined ? ` ${inline(problem.code)}` : '';
  return `**${problem.kind}**${codeLabel}${place}: ${inline(problem.message)}`;
}

function reasonItem({ criterion }: LocatedCriterion): string {
  return `${inline(label(criterion))} (${code(`${criterion.file}:${criterion.line}`)}) — ${inline(criterion.reason ?? 'no reason given')}`;
}

function failedHead({ spec, section, criterion }: LocatedCriterion): string {
  return (
    `#### ❌ ${inline(label(criterion))}\n\n` +
    `${code(`${criterion.file}:${criterion.line}`)} · ${inline(spec.name)} › ${inline(section.title)}\n`
  );
}

/** The title names the id already when the criterion has one; say it anyway when it does not. */
function label(criterion: CriterionReport): string {
  return criterion.title.startsWith(criterion.id) ? criterion.title : `${criterion.id} ${criterion.title}`;
}

/** Evidence folded in `<details>`; Markdown inside needs the blank lines around it. */
function evidenceBlock(evidence: FailureEvidence | undefined): string {
  if (!evidence) return '_No evidence was recorded._\n';
  const parts: string[] = [`**Message**\n\n${fence(evidence.message, 'text')}`];
  const shown = ['message'];
  if (evidence.counterexample !== undefined) {
    parts.push(`**Counterexample**\n\n${fence(prettyJson(evidence.counterexample), 'json')}`);
    shown.push('counterexample');
  }
  const run = [
    ...runFacts(evidence, code),
    ...(evidence.target !== undefined ? [`target ${code(evidence.target)}`] : []),
  ];
  if (run.length > 0) parts.push(`**Run**: ${run.join(' · ')}\n`);
  if (evidence.seed !== undefined) shown.push(`seed ${evidence.seed}`);
  for (const [name, lines] of evidenceLists(evidence)) {
    if (lines.length === 0) continue;
    parts.push(`**${name}**\n\n${fence(lines.join('\n'), 'text')}`);
    shown.push(name.toLowerCase());
  }
  parts.push(`**Replay**\n\n${fence(evidence.replay, 'sh')}`);
  shown.push('replay');
  return `<details><summary>Evidence: ${shown.join(', ')}</summary>\n\n${parts.join('\n')}\n</details>\n`;
}

function heading(text: string): string {
  return `### ${text}\n`;
}

/** `### Not executable (2)`: the criteria of one verdict follow. */
function verdictHeading(verdict: Verdict, count: number): string {
  return heading(`${capitalized(VERDICT_LABELS[verdict])} (${count})`);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A bullet list. An item starting like a list marker (`- `, `1. `) would nest a list: that start is escaped. */
function list(items: readonly string[]): string {
  return items.map((item) => `- ${item.replace(/^[+-]|^\d+(?=[.)])/, escapeListStart)}\n`).join('');
}

function escapeListStart(start: string): string {
  return start === '+' || start === '-' ? `\\${start}` : `${start}\\`;
}

function coverage(cover: Coverage): string {
  return cover.total === 0 ? 'no criteria' : `${cover.executable}/${cover.total} (${coverageShare(cover)})`;
}

function coverageShare(cover: Coverage): string {
  const percent = coveragePercent(cover, 1);
  return percent === null ? 'no criteria' : `${percent}%`;
}

/* -------------------------------------------------------------------- fitting */

/**
 * The layout within `maxLength` bytes: all of it when it fits; else the evidence of the last failures
 * goes first; else (the rest alone is too long) the text is cut at a line and says so.
 */
function fit(parts: Layout, maxLength: number): string {
  const count = parts.failed.length;
  // Sizes add up: each kept evidence block costs its bytes and a separator; a cut costs the note and one.
  const evidenceSizes = parts.failed.map((entry) => bytes(entry.evidence) + 1);
  let evidence = evidenceSizes.reduce((sum, size) => sum + size, 0);
  const rest = bytes(assemble(parts, count)) - evidence;
  for (let keep = count; keep >= 0; keep -= 1) {
    if (keep < count) evidence -= evidenceSizes[keep]!;
    const note = keep < count ? bytes(cutNote(count - keep, count)) + 1 : 0;
    if (rest + evidence + note <= maxLength) return assemble(parts, keep);
  }
  return cutAtLine(assemble(parts, 0), maxLength);
}

function assemble(parts: Layout, keepEvidence: number): string {
  const blocks = [...parts.before];
  if (parts.failedHeading !== undefined) {
    blocks.push(parts.failedHeading);
    const cut = parts.failed.length - keepEvidence;
    if (cut > 0) blocks.push(cutNote(cut, parts.failed.length));
    parts.failed.forEach((entry, index) => {
      blocks.push(entry.head);
      if (index < keepEvidence) blocks.push(entry.evidence);
    });
  }
  blocks.push(...parts.after);
  return blocks.join('\n');
}

function cutNote(cut: number, of: number): string {
  return `> The evidence of the last ${cut} of ${of} failed criteria was cut to fit; the HTML and JSON reports hold all of it.\n`;
}

const CUT_TEXT = '\n> This summary was cut to fit; the HTML and JSON reports hold all of it.\n';

/** Whole lines that fit, then a note; only the layout without evidence comes here, so no fence or `<details>` is left open. */
function cutAtLine(text: string, maxLength: number): string {
  const budget = maxLength - bytes(CUT_TEXT);
  if (budget < 0) return prefixWithin(CUT_TEXT.trimStart(), maxLength);
  let used = 0;
  let end = 0;
  for (const line of text.split('\n')) {
    const next = used + bytes(line) + 1;
    if (next > budget) break;
    used = next;
    end += line.length + 1;
  }
  return `${text.slice(0, end)}${CUT_TEXT}`;
}

/** The longest prefix of whole code points within `maxLength` bytes. */
function prefixWithin(text: string, maxLength: number): string {
  let result = '';
  for (const char of text) {
    if (bytes(result + char) > maxLength) break;
    result += char;
  }
  return result;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/* -------------------------------------------------------------------- escaping */

/* eslint-disable no-control-regex -- matching control characters is the point */

/** Control characters but tab and line breaks: invisible or harmful in a rendered page. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/* eslint-enable no-control-regex */

function printable(text: string): string {
  return plainText(text, CONTROL);
}

/**
 * Untrusted text as inline Markdown that means nothing but itself, on one line: no HTML, no emphasis,
 * no link, no code span, no table cell break, no closing `#` of a heading. (GFM still links bare URLs,
 * showing the URL itself.)
 */
function inline(text: string): string {
  return printable(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/[\\`*_[\]~|#]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A code span: literal text, delimited by more backticks than any run inside it. */
function code(text: string): string {
  const content = printable(text).replace(/\n/g, ' ');
  const ticks = '`'.repeat(longestRun(content, '`') + 1);
  const pad = /^[ `]|[ `]$/.test(content) ? ' ' : '';
  return `${ticks}${pad}${content}${pad}${ticks}`;
}

/** A fenced code block: its fence is longer than any backtick run inside, so the content cannot close it. */
function fence(text: string, info: string): string {
  const content = printable(text).replace(/\n$/, '');
  const ticks = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  return `${ticks}${info}\n${content}\n${ticks}\n`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
