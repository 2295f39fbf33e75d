/**
 * The report for a coding agent (`specgate test --reporter agent`): failures only, each in at most
 * 25 lines (where in the spec, expected against actual, the request and fault that broke it, the
 * replay command, the question it raises), and passing criteria as one count line. An agent reads
 * every character; this rendering spends them on what it can act on.
 */
import { escapeLine } from '../diagnostics/escape.js';
import type { CriterionReport, FailureEvidence, RunReport } from './model.js';
import { describeProblem } from './collect.js';
import { locatedCriteria } from './text.js';

/** The most lines one failure takes. */
export const AGENT_FAILURE_MAX_LINES = 25;
/** The most faults in force one failure names (the latest). */
const FAULTS_MAX = 4;
/** Said once, after the failures: the essay's habit. */
const NEXT_STEP =
  'next: fix the code, or, when the spec is what is wrong, fix the spec and rerun (it recompiles); never edit generated/.';
/** Longer lines (prose, bodies, counterexamples) are cut here. */
const LINE_MAX = 240;

export function renderAgent(report: RunReport): string {
  const failures = locatedCriteria(report).filter(({ criterion }) => criterion.verdict === 'failed');
  const blocks = failures.map(({ section, criterion }) => agentFailure(criterion, section.title).join('\n'));
  const problems = report.problems.map((problem) => `problem: ${clip(describeProblem(problem))}`);
  const habit = failures.length > 0 ? [NEXT_STEP] : [];
  return `${[...blocks, ...(problems.length > 0 ? [problems.join('\n')] : []), [countLine(report), ...habit].join('\n')].join('\n\n')}\n`;
}

/** One failed criterion, at most AGENT_FAILURE_MAX_LINES lines. */
export function agentFailure(criterion: CriterionReport, sectionTitle: string): string[] {
  const name = criterion.name ? ` ${criterion.name}` : '';
  const head = [
    `FAIL ${criterion.id}${name} (${sectionTitle}) ${escapeLine(criterion.file)}:${criterion.line}`,
    `  spec: ${clip(oneLine(criterion.prose))}`,
  ];
  const evidence = criterion.failure;
  if (!evidence) return [...head, `  ${criterion.reason ?? 'failed without evidence'}`];

  const request = breakingRequest(evidence);
  const faults = (
    request ? faultsInForce(evidence.faults, request.at) : faultsInForce(evidence.faults)
  ).slice(-FAULTS_MAX);
  const tail = [
    ...(request
      ? [`  ${request.broke ? 'request' : 'last request'}: ${clip(request.text)}`]
      : logTail(evidence)),
    ...faults.map((fault) => `  fault in force: ${clip(fault)}`),
    ...(evidence.counterexample !== undefined
      ? [`  counterexample: ${clip(compactJson(evidence.counterexample))}`]
      : []),
    `  replay: ${escapeLine(evidence.replay)}`,
    `  question: ${clip(question(criterion, evidence, request, faults), LINE_MAX * 2)}`,
  ];
  const [summary = '', ...details] = evidence.message.split('\n');
  const prefix = request?.broke ? `${request.method} ${request.path}: ` : undefined;
  const room = AGENT_FAILURE_MAX_LINES - head.length - tail.length - 1;
  const shown = details.slice(0, details.length > room ? Math.max(0, room - 1) : room);
  const cut = details.length - shown.length;
  return [
    ...head,
    `  expected vs actual: ${clip(summary)}`,
    ...shown.map((line) => `    ${clip(stripPrefix(line.trim(), prefix))}`),
    ...(cut > 0 ? [`    … ${cut} more (specgate explain ${criterion.file} ${criterion.id})`] : []),
    ...tail,
  ].slice(0, AGENT_FAILURE_MAX_LINES);
}

function countLine(report: RunReport): string {
  const { totals } = report;
  const files = report.specs.map((spec) => spec.file).join(', ');
  const seconds = (report.durationMs / 1000).toFixed(1);
  return (
    `specgate: ${totals.passed} passed, ${totals.failed} failed, ${totals.notExecutable} not executable, ` +
    `${totals.skipped} skipped of ${totals.criteria} criteria (${files || 'no specs'}) in ${seconds} s`
  );
}

/* ------------------------------------------------------------ the evidence */

interface TranscriptRequest {
  /** Milliseconds since the run started. */
  at: number;
  method: string;
  path: string;
  /** The entry without its time offset and sequence number: `POST /x → 503 (5.8 ms) {...}`. */
  text: string;
  status?: number;
  /** True when the failing step is this request's (its message names it); else it is only the last one sent. */
  broke: boolean;
}

// The shapes formatHistoryEntry (runtime/failure/transcript.ts) writes.
const REQUEST_LINE = /^\+(-?\d+(?:\.\d+)?)ms #\d+ \[[^\]]*\] (\S+) (\S+)(.*)$/;
const FAULT_LINE = /^\+(-?\d+(?:\.\d+)?)ms fault ([^:]+): (.*)$/;

/**
 * The request that broke the criterion: the last one of the transcript whose method and path the
 * failing step's message names, else the last request.
 */
function breakingRequest(evidence: FailureEvidence): TranscriptRequest | undefined {
  const requests = evidence.transcript.flatMap((line) => {
    const match = REQUEST_LINE.exec(line.trim());
    if (!match) return [];
    const [, at, method, path, rest] = match as unknown as [string, string, string, string, string];
    const status = /^ (?:as \S+ )?→ (\d{3}) /.exec(rest)?.[1];
    return [
      {
        at: Number(at),
        method,
        path,
        text: `${method} ${path}${rest}`,
        ...(status !== undefined ? { status: Number(status) } : {}),
      },
    ];
  });
  const summary = evidence.message.split('\n')[0] ?? '';
  const named = requests.filter((request) => summary.includes(`${request.method} ${request.path}`)).at(-1);
  if (named) return { ...named, broke: true };
  const last = requests.at(-1);
  return last ? { ...last, broke: false } : undefined;
}

/**
 * The faults still in force at `at` (ms; the end of the run when absent): each service's kill or
 * pause not yet undone, and its toxics and http faults not yet removed.
 */
function faultsInForce(faults: readonly string[], at = Number.POSITIVE_INFINITY): string[] {
  const active = new Map<string, Map<string, string>>();
  for (const line of faults) {
    const match = FAULT_LINE.exec(line.trim());
    if (!match || Number(match[1]) > at) continue;
    const [, , service, action] = match as unknown as [string, string, string, string];
    const current = active.get(service) ?? new Map<string, string>();
    active.set(service, current);
    const added = /^add ([^:]+):/.exec(action);
    const removed = /^remove (\S+)/.exec(action);
    if (added) current.set(added[1]!, action);
    else if (removed && removed[1] === 'all') current.clear();
    else if (removed) current.delete(removed[1]!);
    else if (/^(kill|pause)\b/.test(action)) current.set('state', action);
    else if (/^(start|resume|restart)\b/.test(action)) current.delete('state');
    else current.set(action, action);
  }
  return [...active].flatMap(([service, actions]) =>
    [...actions.values()].map((action) => `${service}: ${action}`),
  );
}

/** Without a request to show (a CLI, a check of a service), the implementation's last words. */
function logTail(evidence: FailureEvidence): string[] {
  return evidence.logs.slice(-2).map((line) => `  log: ${clip(line)}`);
}

const FAULT_WORDS: Record<string, string> = {
  kill: 'was down',
  pause: 'was paused (not answering)',
};

/** What the failure asks of whoever reads it: the spec's promise against what the code did. */
function question(
  criterion: CriterionReport,
  evidence: FailureEvidence,
  request: TranscriptRequest | undefined,
  faults: readonly string[],
): string {
  const promise = `the spec says "${clip(oneLine(criterion.prose), 120)}"`;
  const [summary = '', firstDetail] = evidence.message.split('\n');
  const found = request?.broke
    ? `the implementation answered ${request.status ?? 'nothing'} to ${request.method} ${request.path}`
    : `the run found: ${clip(stripPlace(summary), 160)}${firstDetail ? ` (${clip(firstDetail.trim(), 120)})` : ''}`;
  const under = faults.map((fault) => {
    const [service, action = ''] = fault.split(': ');
    const word = FAULT_WORDS[action.split(' ')[0] ?? ''];
    return word ? `${service} ${word}` : `${service} had ${action}`;
  });
  const while_ = under.length > 0 ? ` while ${under.join(' and ')}` : '';
  return `${promise}; ${found}${while_}: is the code wrong, or the spec?`;
}

/* ------------------------------------------------------------------ text */

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max = LINE_MAX): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function stripPrefix(line: string, prefix: string | undefined): string {
  return prefix !== undefined && line.startsWith(prefix) ? line.slice(prefix.length) : line;
}

/** A step's summary without its `(specs/x.md:12)` suffix (the question names the criterion's place). */
function stripPlace(summary: string): string {
  return summary.replace(/ \([^()]+:\d+\)$/, '');
}

function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
