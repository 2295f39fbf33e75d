/**
 * The HTML report: one self-contained file a reviewer opens from a CI artifact, offline.
 * Inline CSS, a few lines of inline script (copy button, open failures for printing), no URL
 * fetched. Pure: the report model in, a string out.
 *
 * Every string in the model comes from a spec or an implementation, so markup is built with the
 * `markup` tag, which escapes every interpolated value except the markup it built itself.
 * A Content-Security-Policy that admits only this page's script (by hash) and fetches nothing is
 * the second line of defence.
 *
 * A `<pre>` always opens with a newline: the parser drops the first one, and it must not be the data's.
 *
 * Stable hooks for tests and tools: `data-count="<key of Totals>"` and
 * `data-coverage="executable|total|percent"` for the overall figures (per spec: `data-spec-count`,
 * `data-spec-coverage`); `details[data-criterion="<spec file>#<id>"][data-verdict]` per criterion;
 * `data-evidence="message|counterexample|faults|transcript|logs|replay|reason"` inside it.
 */
import { createHash } from 'node:crypto';
import type {
  CriterionReport,
  FailureEvidence,
  Problem,
  RunReport,
  SectionReport,
  SpecReport,
  Totals,
  VacuityReport,
  Verdict,
} from './model.js';
import {
  coveragePercent,
  percentOf,
  plainText,
  prettyJson,
  problemPlace,
  VERDICT_COUNTS,
  VERDICT_LABELS,
} from './text.js';

export function renderHtml(report: RunReport): string {
  const passed = report.gate.passed ? 'passed' : 'failed';
  const title = `specgate: gate ${passed}, ${report.totals.passed} of ${report.totals.criteria} criteria passed`;
  return `<!doctype html>\n${
    markup`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${title}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<main>
${header(report)}
${gate(report)}
${summary(report)}
${problems(report.problems)}
${vacuity(report.vacuity)}
${report.totals.failed > 0 ? FILTER : ''}
${report.specs.map(spec)}
</main>
${raw(`<script>${SCRIPT}</script>`)}
</body>
</html>`.text
  }\n`;
}

/* ------------------------------------------------------------------ markup */

/** Markup this module made: the only value `markup` interpolates without escaping. */
class SafeHtml {
  constructor(readonly text: string) {}
}

type Part = SafeHtml | string | number | false | null | undefined | readonly Part[];

function markup(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let text = strings[0] ?? '';
  parts.forEach((part, i) => {
    text += partText(part) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(text);
}

function partText(part: Part): string {
  if (part instanceof SafeHtml) return part.text;
  if (part === false || part === null || part === undefined) return '';
  if (typeof part === 'object') return part.map(partText).join('');
  return escapeHtml(String(part));
}

/** For this module's own constants (CSS, script), never for model data. */
function raw(text: string): SafeHtml {
  return new SafeHtml(text);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Harmless in HTML text, but a line terminator to older JavaScript: never let one through verbatim.
  '\u2028': '&#x2028;',
  '\u2029': '&#x2029;',
};

/** Safe in text and in double- or single-quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\u2028\u2029]/g, (char) => ENTITIES[char] ?? char);
}

/* ------------------------------------------------------------------- parts */

function header(report: RunReport): SafeHtml {
  const facts: Part[] = [
    markup`specgate ${report.tool.version}`,
    markup`<time datetime="${report.createdAt}">${report.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>`,
    markup`ran ${duration(report.durationMs)}`,
    report.shard && markup`shard ${report.shard.index}/${report.shard.count}`,
    report.target !== undefined && markup`target <code>${report.target}</code>`,
  ];
  return markup`<header class="page-head">
<h1>Spec report</h1>
<p class="muted">${joined(facts, ' · ')}</p>
</header>`;
}

function gate(report: RunReport): SafeHtml {
  const { passed, reasons, minExecutable } = report.gate;
  const threshold =
    minExecutable !== undefined &&
    markup`<p class="muted">Requires at least ${percentOf(minExecutable)} of criteria to be executable.</p>`;
  return markup`<section class="gate ${passed ? 'gate-passed' : 'gate-failed'}" data-gate="${passed ? 'passed' : 'failed'}">
<h2><span class="icon" aria-hidden="true">${passed ? '✓' : '✕'}</span> Gate ${passed ? 'passed' : 'failed'}</h2>
${
  reasons.length > 0
    ? markup`<ul class="reasons">${reasons.map((reason) => markup`<li>${reason.message}</li>`)}</ul>`
    : markup`<p>Every executable criterion passed.</p>`
}
${threshold}
</section>`;
}

function summary(report: RunReport): SafeHtml {
  const { coverage, totals } = report;
  const percent = coveragePercent(coverage, 0);
  return markup`<section class="summary" aria-label="Summary">
<div class="tile tile-coverage">
<span class="tile-label">Spec coverage</span>
<span class="tile-value" data-coverage="percent">${percent === null ? '—' : `${percent}%`}</span>
<span class="tile-note"><span data-coverage="executable">${coverage.executable}</span> of <span data-coverage="total">${coverage.total}</span> criteria executable</span>
<span class="meter" aria-hidden="true"><span style="width:${percent ?? 0}%"></span></span>
</div>
<div class="tile">
<span class="tile-label">Criteria</span>
<span class="tile-value" data-count="criteria">${totals.criteria}</span>
${verdictBar(totals)}
</div>
${VERDICT_COUNTS.map(
  ({ key, verdict }) => markup`<div class="tile v-${verdict}">
<span class="tile-label"><span aria-hidden="true">${VERDICT_ICONS[verdict]}</span> ${VERDICT_LABELS[verdict]}</span>
<span class="tile-value" data-count="${key}">${totals[key]}</span>
</div>`,
)}
</section>`;
}

/** The share of each verdict, as one stacked bar. */
function verdictBar(totals: Totals): SafeHtml {
  const segments = VERDICT_COUNTS.filter(({ key }) => totals[key] > 0).map(
    ({ key, verdict }) =>
      markup`<span class="v-${verdict}" style="flex-grow:${totals[key]}" title="${totals[key]} ${VERDICT_LABELS[verdict]}"></span>`,
  );
  return markup`<span class="stack" aria-hidden="true">${segments}</span>`;
}

function problems(list: readonly Problem[]): Part {
  if (list.length === 0) return null;
  return markup`<section class="problems">
<h2>Problems <span class="count">${list.length}</span></h2>
<ul>${list.map(
    (problem) => markup`<li data-problem="${problem.kind}">
<span class="tag tag-${problem.kind}">${problem.kind}</span>
${problem.code !== undefined && markup`<span class="code">${problem.code}</span>`}
${problem.file !== undefined && markup`<code class="where">${problemPlace(problem)}</code>`}
<span class="problem-message">${problem.message}</span>
</li>`,
  )}</ul>
</section>`;
}

/** Criteria that passed against a built-in wrong implementation (`data-vacuous="<spec file>#<id>"`). */
function vacuity(report: VacuityReport | undefined): Part {
  if (!report || report.findings.length === 0) return null;
  return markup`<section class="problems vacuity">
<h2>Vacuous criteria <span class="count">${report.findings.length}</span></h2>
<p class="muted">Each passed against a wrong implementation built into specgate${report.strict ? ' (--strict: they fail the gate)' : ''}.</p>
<ul>${report.findings.map(
    (finding) => markup`<li data-vacuous="${finding.key}" data-implementation="${finding.implementation}">
<span class="tag tag-lint">vacuous</span>
<code class="where">${finding.file}:${finding.line}</code>
<span class="problem-message">${finding.message}</span>
</li>`,
  )}</ul>
</section>`;
}

/** Pure CSS (`:has`), so it works without the script and stays a real, keyboard-reachable checkbox. */
const FILTER = markup`<p class="filter"><label><input type="checkbox" id="only-failed"> Show only failed criteria</label></p>`;

function spec(report: SpecReport): SafeHtml {
  const percent = coveragePercent(report.coverage, 0);
  const counts = VERDICT_COUNTS.map(
    ({ key, verdict }) =>
      markup`<span class="chip v-${verdict}${report.totals[key] === 0 ? ' zero' : ''}"><span aria-hidden="true">${VERDICT_ICONS[verdict]}</span> <span data-spec-count="${key}">${report.totals[key]}</span> ${VERDICT_LABELS[verdict]}</span>`,
  );
  return markup`<section class="spec" data-spec="${report.file}">
<header class="spec-head">
<h2>${report.title}</h2>
<p class="muted"><code>${report.file}</code> → <code>${report.suite}</code></p>
<p class="chips"><span class="chip">coverage <span data-spec-coverage="executable">${report.coverage.executable}</span>/<span data-spec-coverage="total">${report.coverage.total}</span> · <span data-spec-coverage="percent">${percent === null ? '—' : `${percent}%`}</span></span>${counts}</p>
${
  report.sectionsWithoutCriteria.length > 0 &&
  markup`<p class="note" data-sections-without-criteria><span aria-hidden="true">!</span> No criteria in ${joined(
    report.sectionsWithoutCriteria.map((title) => markup`<strong>${title}</strong>`),
    ', ',
  )}</p>`
}
</header>
${report.sections.map((section) => specSection(report, section))}
</section>`;
}

function specSection(report: SpecReport, section: SectionReport): SafeHtml {
  return markup`<section class="section" data-section="${section.kind}">
<h3>${section.title} <span class="count">${section.criteria.length}</span></h3>
${
  section.criteria.length > 0
    ? markup`<div class="criteria">${section.criteria.map((criterion) => criterionRow(report, criterion))}</div>`
    : markup`<p class="muted">No criteria.</p>`
}
</section>`;
}

function criterionRow(report: SpecReport, criterion: CriterionReport): SafeHtml {
  // A report from another specgate version may carry a verdict this one does not know.
  const verdict = {
    label: VERDICT_LABELS[criterion.verdict] ?? criterion.verdict,
    icon: VERDICT_ICONS[criterion.verdict] ?? '?',
  };
  const where = `${criterion.file}:${criterion.line}`;
  const runs =
    criterion.verdict === 'passed' && criterion.runs !== undefined
      ? `${plural(criterion.runs, 'run')}${criterion.seed !== undefined ? ` · seed ${criterion.seed}` : ''}`
      : criterion.verdict === 'failed' && criterion.failure?.seed !== undefined
        ? `seed ${criterion.failure.seed}`
        : '';
  // A failure is what a reader came for: it opens with its evidence shown; passes stay folded.
  const open = criterion.verdict === 'failed' ? markup` open` : null;
  return markup`<details class="criterion v-${criterion.verdict}" data-criterion="${report.file}#${criterion.id}" data-verdict="${criterion.verdict}"${open}>
<summary>
<span class="verdict"><span aria-hidden="true">${verdict.icon}</span> ${verdict.label}</span>
<span class="id">${criterion.id}${criterion.name !== undefined && markup` <span class="name">${criterion.name}</span>`}</span>
<span class="prose">${criterion.prose}</span>
<code class="where" title="${where}">${where}</code>
<span class="runs" title="${runs}">${runs}</span>
<span class="duration">${criterion.durationMs !== undefined ? duration(criterion.durationMs) : ''}</span>
</summary>
<div class="evidence">${criterionEvidence(criterion)}</div>
</details>`;
}

function criterionEvidence(criterion: CriterionReport): Part {
  const reason = [
    criterion.reason !== undefined &&
      markup`<p class="reason" data-evidence="reason">${criterion.reason}</p>`,
    criterion.unchecked !== undefined &&
      markup`<p class="reason unchecked" data-evidence="unchecked">Unchecked: ${criterion.unchecked}</p>`,
  ].filter(Boolean) as Part[];
  const written = markup`<div><dt>Written at</dt><dd><code>${criterion.file}:${criterion.line}:${criterion.column}</code></dd></div>`;
  if (criterion.verdict === 'failed' && criterion.failure)
    return [reason, failure(criterion.failure, written)];
  if (criterion.verdict === 'passed') {
    const held =
      criterion.runs !== undefined
        ? markup`<div><dt>Held</dt><dd>${plural(criterion.runs, 'run')}${criterion.seed !== undefined && markup`, seed ${criterion.seed}`}</dd></div>`
        : null;
    return [reason, markup`<dl class="facts">${held}${written}</dl>`];
  }
  return [
    reason.length > 0
      ? reason
      : markup`<p class="reason muted" data-evidence="reason">No evidence recorded.</p>`,
    markup`<dl class="facts">${written}</dl>`,
  ];
}

function failure(evidence: FailureEvidence, written: SafeHtml): SafeHtml {
  const facts: Part[] = [
    evidence.seed !== undefined && markup`<div><dt>Seed</dt><dd><code>${evidence.seed}</code></dd></div>`,
    evidence.path !== undefined && markup`<div><dt>Path</dt><dd><code>${evidence.path}</code></dd></div>`,
    evidence.runs !== undefined &&
      markup`<div><dt>Failed on run</dt><dd>${evidence.runs}${
        evidence.shrinks !== undefined &&
        markup`, shrunk ${plural(evidence.shrinks, 'time')}${evidence.shrinkingInterrupted ? ' (interrupted)' : ''}`
      }</dd></div>`,
    evidence.target !== undefined &&
      markup`<div><dt>Target</dt><dd><code>${evidence.target}</code></dd></div>`,
    written,
  ];
  return markup`<pre class="message" data-evidence="message">\n${terminalText(evidence.message)}</pre>
<dl class="facts">${facts}</dl>
${
  evidence.counterexample !== undefined &&
  markup`<h4>Counterexample</h4><pre data-evidence="counterexample">\n${prettyJson(evidence.counterexample)}</pre>`
}
${lines('Fault schedule', 'faults', evidence.faults, 'No faults injected.')}
${lines('Transcript', 'transcript', evidence.transcript, 'No requests recorded.')}
${lines('Implementation logs', 'logs', evidence.logs, 'No output captured.')}
<h4>Replay</h4>
<div class="replay"><code data-evidence="replay">${evidence.replay}</code><button type="button" data-copy hidden>Copy</button></div>`;
}

/* eslint-disable-next-line no-control-regex -- control characters are what it removes */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Implementation output as a reader should see it: no ANSI colour codes, no invisible control characters. */
function terminalText(text: string): string {
  return plainText(text, INVISIBLE);
}

function lines(title: string, hook: string, list: readonly string[] | undefined, none: string): SafeHtml {
  return markup`<h4>${title}</h4>${
    list && list.length > 0
      ? markup`<pre data-evidence="${hook}">\n${terminalText(list.join('\n'))}</pre>`
      : markup`<p class="muted" data-evidence="${hook}">${none}</p>`
  }`;
}

/* ------------------------------------------------------------- formatting */

const VERDICT_ICONS: Readonly<Record<Verdict, string>> = {
  passed: '✓',
  failed: '✕',
  'not-executable': '○',
  skipped: '–',
};

function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function joined(parts: readonly Part[], separator: string): SafeHtml[] {
  return parts
    .filter(Boolean)
    .flatMap((part, i) => (i === 0 ? [markup`${part}`] : [markup`${separator}${part}`]));
}

/* ------------------------------------------------------------------ assets */

const SCRIPT = `
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(button.previousElementSibling.textContent).then(() => {
      button.textContent = 'Copied';
      setTimeout(() => (button.textContent = 'Copy'), 1500);
    });
  });
}
addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll('details[data-verdict="failed"]')) details.open = true;
});
`;

const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --code: #eff2f5;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9;
  --grey: #59636e; --grey-bg: #eff2f5; --warn: #9a6700; --warn-bg: #fff8c5; --focus: #0969da;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
}
/* Screen only: a printout is always light. */
@media screen and (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #30363d; --panel: #151b23; --code: #212830;
    --pass: #3fb950; --pass-bg: rgba(46, 160, 67, 0.15); --fail: #f85149; --fail-bg: rgba(248, 81, 73, 0.12);
    --grey: #9198a1; --grey-bg: rgba(145, 152, 161, 0.12); --warn: #d29922; --warn-bg: rgba(187, 128, 9, 0.15);
    --focus: #4493f8;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
}
main { max-width: 1200px; margin: 0 auto; padding: 24px 28px 48px; }
h1, h2, h3, h4 { margin: 0; line-height: 1.25; }
h1 { font-size: 22px; }
h2 { font-size: 17px; }
h3 { font-size: 14px; }
h4 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin: 14px 0 6px; }
p { margin: 4px 0; }
code, pre { font-family: var(--mono); font-size: 12.5px; }
pre {
  margin: 0; padding: 10px 12px; background: var(--code); border-radius: 6px;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.muted { color: var(--muted); }
.count {
  display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 10px; background: var(--grey-bg);
  color: var(--muted); font-size: 12px; font-weight: 600; text-align: center; vertical-align: 1px;
}
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }

.page-head { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; margin-bottom: 16px; }

.gate { border: 1px solid var(--line); border-left: 4px solid var(--grey); border-radius: 8px; padding: 12px 16px; }
.gate ul { margin: 6px 0 0; padding-left: 20px; }
.gate-passed { border-left-color: var(--pass); background: var(--pass-bg); }
.gate-failed { border-left-color: var(--fail); background: var(--fail-bg); }
.gate-passed h2 .icon { color: var(--pass); }
.gate-failed h2 .icon { color: var(--fail); }

.summary { display: grid; grid-template-columns: 1.6fr repeat(5, 1fr); gap: 10px; margin: 14px 0; }
.tile {
  display: flex; flex-direction: column; gap: 2px; padding: 10px 14px; min-width: 0;
  border: 1px solid var(--line); border-top: 3px solid var(--line); border-radius: 8px; background: var(--panel);
}
.tile-label { font-size: 12px; color: var(--muted); font-weight: 600; }
.tile-value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.15; }
.tile-note { font-size: 12px; color: var(--muted); }
.tile.v-passed { border-top-color: var(--pass); }
.tile.v-failed { border-top-color: var(--fail); }
.tile.v-not-executable, .tile.v-skipped { border-top-color: var(--grey); }
.tile.v-passed .tile-label span { color: var(--pass); }
.tile.v-failed .tile-label span { color: var(--fail); }
.tile-coverage { border-top-color: var(--focus); }
.meter, .stack { display: flex; height: 6px; margin-top: 6px; border-radius: 3px; overflow: hidden; background: var(--grey-bg); }
.meter > span { background: var(--focus); }
.stack > span { min-width: 3px; }
.stack > .v-passed { background: var(--pass); }
.stack > .v-failed { background: var(--fail); }
.stack > .v-not-executable { background: var(--grey); opacity: 0.55; }
.stack > .v-skipped { background: var(--grey); opacity: 0.3; }

.problems { margin: 14px 0; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.problems ul { list-style: none; margin: 8px 0 0; padding: 0; }
.problems li { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; padding: 3px 0; }
.tag {
  font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em;
  padding: 1px 6px; border-radius: 4px; background: var(--warn-bg); color: var(--warn);
}
.tag-error { background: var(--fail-bg); color: var(--fail); }
.code { font-family: var(--mono); font-size: 12px; font-weight: 600; }
.where { color: var(--muted); }

.filter { margin: 18px 0 4px; color: var(--muted); }
.filter input { margin: 0 4px 0 0; vertical-align: -2px; }
body:has(#only-failed:checked) .criterion:not([data-verdict="failed"]),
body:has(#only-failed:checked) .section:not(:has([data-verdict="failed"])),
body:has(#only-failed:checked) .spec:not(:has([data-verdict="failed"])) { display: none; }

.spec { margin-top: 22px; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
.spec-head { padding: 12px 16px; background: var(--panel); border-bottom: 1px solid var(--line); }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.chip {
  font-size: 12px; padding: 1px 8px; border-radius: 10px; border: 1px solid var(--line); background: var(--bg);
  font-variant-numeric: tabular-nums;
}
.chip.v-passed > span:first-child { color: var(--pass); }
.chip.v-failed > span:first-child { color: var(--fail); }
.chip.v-not-executable, .chip.v-skipped { color: var(--muted); }
.chip.zero { color: var(--muted); opacity: 0.7; }
.chip.zero > span:first-child { color: inherit; }
.note { margin-top: 8px; padding: 4px 10px; border-radius: 6px; background: var(--warn-bg); color: var(--warn); font-size: 12.5px; }
.note > span { font-weight: 700; margin-right: 4px; }

.section { padding: 10px 16px 12px; }
.section + .section { border-top: 1px solid var(--line); }
.section h3 { margin-bottom: 8px; }
.criteria { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }

.criterion { border-left: 4px solid var(--grey); }
.criterion + .criterion { border-top: 1px solid var(--line); }
.criterion.v-passed { border-left-color: var(--pass); }
.criterion.v-failed { border-left-color: var(--fail); }
.criterion.v-not-executable, .criterion.v-skipped { border-left-color: var(--grey); background: var(--panel); }
.criterion > summary {
  display: grid; align-items: baseline; gap: 12px; padding: 7px 12px 7px 8px; cursor: pointer; list-style: none;
  grid-template-columns: 10px 132px 140px minmax(0, 1fr) 170px 196px 62px;
}
.criterion > summary::-webkit-details-marker { display: none; }
.criterion > summary::before {
  content: ""; width: 0; height: 0; align-self: center;
  border-left: 5px solid var(--muted); border-top: 4px solid transparent; border-bottom: 4px solid transparent;
  transition: transform 0.1s;
}
.criterion[open] > summary::before { transform: rotate(90deg); }
.criterion > summary:hover { background: var(--grey-bg); }
.verdict {
  justify-self: start; font-size: 12px; font-weight: 650; padding: 1px 8px; border-radius: 10px; white-space: nowrap;
  color: var(--grey); background: var(--grey-bg);
}
.v-passed .verdict { color: var(--pass); background: var(--pass-bg); }
.v-failed .verdict { color: var(--fail); background: var(--fail-bg); }
.id { font-weight: 650; font-family: var(--mono); font-size: 12.5px; overflow-wrap: anywhere; }
.id .name { font-weight: 400; color: var(--muted); }
.criterion:not(.v-passed):not(.v-failed) .prose { color: var(--muted); }
.criterion .where { font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.runs, .duration { font-size: 12px; color: var(--muted); text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.runs { overflow: hidden; text-overflow: ellipsis; }

.evidence { padding: 4px 16px 14px 38px; }
.evidence .message { background: var(--fail-bg); border-left: 3px solid var(--fail); margin-top: 4px; }
.reason { margin: 6px 0; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 10px 0 0; }
.facts dt { font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.facts dd { margin: 0; }
.replay { display: flex; gap: 8px; align-items: stretch; }
.replay code {
  flex: 1; padding: 8px 12px; background: var(--code); border-radius: 6px; user-select: all; overflow-wrap: anywhere;
}
.replay button {
  font: inherit; font-size: 12px; padding: 0 12px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--line); background: var(--panel); color: var(--fg);
}

@media (max-width: 860px) {
  main { padding: 16px 14px 32px; }
  .summary { grid-template-columns: repeat(2, 1fr); }
  .criterion > summary { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 10px; }
  .criterion > summary > .prose { order: 1; flex-basis: calc(100% - 20px); margin-left: 20px; }
  .criterion > summary > .where { order: 2; margin-left: 20px; }
  .criterion > summary > .runs, .criterion > summary > .duration { order: 2; }
  .criterion > summary > .runs:empty, .criterion > summary > .duration:empty { display: none; }
  .evidence { padding-left: 16px; }
}
@media print {
  :root { color-scheme: light; --panel: #fff; --pass-bg: #fff; --fail-bg: #fff; --grey-bg: #fff; --warn-bg: #fff; }
  main { max-width: none; padding: 0; }
  .filter, .replay button { display: none; }
  .criterion { break-inside: avoid; }
  details::details-content { content-visibility: visible; display: block; }
}
`;
