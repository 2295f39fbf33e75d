/**
 * The strength report as Markdown (a pull-request comment) and as a self-contained HTML page in the
 * style of the run report. Every string comes from specs or implementations: Markdown text goes
 * through code spans and fences, HTML through escaping.
 */
import type { StrengthReport, WrongImplementation } from './model.js';
import { scorePercent } from './report.js';

const SURVIVING: ReadonlySet<WrongImplementation['status']> = new Set(['survived', 'no-coverage']);

export function renderStrengthJson(report: StrengthReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function renderStrengthMarkdown(report: StrengthReport): string {
  const { score } = report;
  const what = report.mode === 'mutants' ? 'mutants' : 'variants';
  const out = [
    `## specgate strength: ${scorePercent(score)} of ${score.judged} ${what} killed`,
    '',
    `${report.specs.map(code).join(', ')} · ${score.killed} killed, ${score.timeout} timed out (counted as killed), ` +
      `${score.survived} survived, ${score.noCoverage} not reached, ${score.errors} errors, ${score.notRun} not run`,
    '',
    '| criterion | kills |',
    '| --- | ---: |',
    ...report.criteria.map(
      (criterion) => `| ${code(`${criterion.spec} ${criterion.id}`)} | ${criterion.kills.length} |`,
    ),
  ];
  const survivors = report.wrong.filter((wrong) => SURVIVING.has(wrong.status));
  if (survivors.length > 0) {
    out.push('', `### Survivors (${survivors.length})`, '');
    if (report.mode === 'mutants')
      out.push(
        'Any survivor may be an equivalent mutant (no test could tell it apart); the likely ones say so.',
        '',
      );
    for (const wrong of survivors) {
      out.push(
        `- **${code(wrong.id)}** ${code(`${wrong.file}${wrong.line !== undefined ? `:${wrong.line}` : ''}`)}: ${plain(wrong.question ?? '')}`,
      );
      if (wrong.possiblyEquivalent) out.push(`  possibly equivalent: ${plain(wrong.possiblyEquivalent)}`);
      if (wrong.diff) out.push('', fence(wrong.diff, 'diff').replace(/^/gm, '  '), '');
    }
  }
  return `${out.join('\n')}\n`;
}

function code(text: string): string {
  const ticks = '`'.repeat(Math.max(1, longestRun(text, '`') + 1));
  return `${ticks}${text.includes('`') ? ` ${text} ` : text}${ticks}`.replace(/\n/g, ' ');
}

/** One line; markup escaped outside the code spans it quotes (inside them an entity would show as typed). */
function plain(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .split(/(`+[^`]*`+)/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(/[<>&]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[char]!),
    )
    .join('');
}

function fence(text: string, info: string): string {
  const ticks = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${ticks}${info}\n${text}\n${ticks}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

const STATUS_LABELS: Record<WrongImplementation['status'], string> = {
  killed: 'killed',
  timeout: 'timed out (killed)',
  survived: 'survived',
  'no-coverage': 'not reached',
  error: 'error',
  'not-run': 'not run',
};

/** Stable hooks: `data-score`, `tr[data-criterion="<key>"][data-kills]`, `li[data-wrong="<id>"][data-status]`. */
export function renderStrengthHtml(report: StrengthReport): string {
  const { score } = report;
  const rows = report.criteria
    .map(
      (criterion) =>
        `<tr data-criterion="${escapeHtml(criterion.key)}" data-kills="${criterion.kills.length}"><td><code>${escapeHtml(criterion.spec)}:${criterion.line}</code></td><td>${escapeHtml(criterion.title)}</td><td class="num">${criterion.kills.length}</td><td class="ids">${escapeHtml(criterion.kills.join(', '))}</td></tr>`,
    )
    .join('\n');
  const items = report.wrong
    .map((wrong) => {
      const open = SURVIVING.has(wrong.status) ? ' open' : '';
      const place = `${wrong.file}${wrong.line !== undefined ? `:${wrong.line}` : ''}`;
      const details = [
        wrong.question && `<p class="question">${escapeHtml(wrong.question)}</p>`,
        wrong.possiblyEquivalent &&
          `<p class="muted">Possibly equivalent: ${escapeHtml(wrong.possiblyEquivalent)}</p>`,
        wrong.killedBy.length > 0 && `<p>Killed by ${escapeHtml(wrong.killedBy.join(', '))}</p>`,
        wrong.reason && `<pre>\n${escapeHtml(wrong.reason)}</pre>`,
        wrong.diff && `<pre class="diff">\n${escapeHtml(wrong.diff)}</pre>`,
        wrong.command && `<p>Command: <code>${escapeHtml(wrong.command)}</code></p>`,
      ]
        .filter(Boolean)
        .join('\n');
      return `<li data-wrong="${escapeHtml(wrong.id)}" data-status="${wrong.status}"><details${open}><summary><span class="tag s-${wrong.status}">${STATUS_LABELS[wrong.status]}</span> <code>${escapeHtml(wrong.id)}</code> <code class="where">${escapeHtml(place)}</code>${wrong.mutator ? ` ${escapeHtml(wrong.mutator)}` : ''}</summary>\n${details}\n</details></li>`;
    })
    .join('\n');
  const what = report.mode === 'mutants' ? 'mutants' : 'variants';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>specgate strength: ${escapeHtml(scorePercent(score))} of ${score.judged} ${what} killed</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="page-head"><h1>Spec strength</h1><p class="muted">${escapeHtml(report.specs.join(', '))} · ${escapeHtml(report.createdAt)} · ${Math.round(report.durationMs / 1000)} s${report.target ? ` · target <code>${escapeHtml(report.target)}</code>` : ''}</p></header>
<section class="summary">
<div class="tile"><span class="tile-label">Score</span><span class="tile-value" data-score="${score.ratio ?? ''}">${escapeHtml(scorePercent(score))}</span><span class="tile-note">${score.killed + score.timeout} of ${score.judged} ${what} killed</span></div>
<div class="tile s-killed"><span class="tile-label">Killed</span><span class="tile-value">${score.killed}</span></div>
<div class="tile s-timeout"><span class="tile-label">Timed out</span><span class="tile-value">${score.timeout}</span></div>
<div class="tile s-survived"><span class="tile-label">Survived</span><span class="tile-value">${score.survived + score.noCoverage}</span></div>
<div class="tile"><span class="tile-label">Errors / not run</span><span class="tile-value">${score.errors} / ${score.notRun}</span></div>
</section>
<section><h2>Kills per criterion</h2>
<table><thead><tr><th>where</th><th>criterion</th><th class="num">kills</th><th>${what}</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>
<section><h2>${what[0]!.toUpperCase()}${what.slice(1)}</h2>
${report.mode === 'mutants' ? '<p class="muted">Any survivor may be an equivalent mutant (no test could tell it apart from the original); the likely ones say so.</p>' : ''}
<ul class="wrong">
${items}
</ul></section>
</main>
</body>
</html>
`;
}

const CSS = `
:root { --fg: #1f2328; --muted: #59636e; --bg: #fff; --line: #d1d9e0; --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9; --skip: #9a6700; --skip-bg: #fff8c5; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d; --pass: #3fb950; --pass-bg: #12261e; --fail: #f85149; --fail-bg: #25171c; --skip: #d29922; --skip-bg: #272115; } }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 24px 0 8px; }
.muted { color: var(--muted); }
code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background: color-mix(in srgb, var(--line) 25%, transparent); padding: 8px; overflow-x: auto; border-radius: 6px; }
.summary { display: flex; gap: 12px; flex-wrap: wrap; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 120px; display: flex; flex-direction: column; }
.tile-label { color: var(--muted); font-size: 12px; } .tile-value { font-size: 26px; font-weight: 600; }
.s-killed .tile-value, .s-timeout .tile-value { color: var(--pass); } .s-survived .tile-value { color: var(--fail); }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
.num { text-align: right; } .ids { color: var(--muted); font-size: 12px; }
ul.wrong { list-style: none; padding: 0; } ul.wrong li { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 6px 10px; }
.tag { border-radius: 10px; padding: 1px 8px; font-size: 12px; font-weight: 600; }
.tag.s-killed, .tag.s-timeout { background: var(--pass-bg); color: var(--pass); }
.tag.s-survived, .tag.s-no-coverage { background: var(--fail-bg); color: var(--fail); }
.tag.s-error, .tag.s-not-run { background: var(--skip-bg); color: var(--skip); }
.question { font-weight: 600; }
`;
