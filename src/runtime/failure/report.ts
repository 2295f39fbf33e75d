/**
 * The message of a failed criterion: what was expected and found, the
 * property's counterexample with seed and path, the fault schedule, the last
 * requests and log lines, and the command that replays exactly this run.
 */
import type { Criterion } from '../../ir.js';
import { describeValue } from '../match/index.js';
import type { HistoryEntry, LogLine } from '../types.js';
import type { FailureEvidence } from './evidence.js';
import { formatHistoryEntry, formatLogLines, formatTranscript } from './transcript.js';
import { shellCommand } from './shell-quote.js';
import { escapeLine, escapeText } from '../../diagnostics/escape.js';

export interface PropertyOutcome {
  counterexample: unknown;
  seed: number;
  path: string;
  runs: number;
  shrinks: number;
  /** True when shrinking was cut short by its time budget. */
  shrinkingInterrupted: boolean;
  /** The edge values tried before random ones, per field (`id: length 1, length 64`). */
  boundaries?: string[];
}

export interface FailureReport {
  specFile: string;
  criterion: Pick<Criterion, 'id' | 'name' | 'prose'>;
  /** The step failure (or any error) of the failing run. */
  error: unknown;
  property?: PropertyOutcome;
  /** Seed of a run that is not a property (used for toxicity and random instances). */
  seed: number;
  history: readonly HistoryEntry[];
  startedAt: number;
  logs: readonly LogLine[];
  target: string;
  targetOverride?: string;
}

export function replayCommand(
  report: Pick<FailureReport, 'specFile' | 'criterion' | 'property' | 'seed' | 'targetOverride'>,
): string {
  const argv = ['specgate', 'test', report.specFile, '--criterion', report.criterion.id];
  argv.push('--seed', String(report.property?.seed ?? report.seed));
  if (report.property) argv.push('--path', report.property.path);
  if (report.targetOverride !== undefined) argv.push('--target', report.targetOverride);
  return shellCommand(argv);
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function section(title: string, lines: readonly string[]): string[] {
  const indented = lines.flatMap((line) => line.split('\n')).map((line) => `  ${line}`);
  return lines.length === 0 ? [] : ['', `${title}:`, ...indented];
}

/** The report as data: what the runtime records on the test for reporters. */
export function buildFailureEvidence(report: FailureReport): FailureEvidence {
  const { property } = report;
  const evidence: FailureEvidence = {
    message: errorText(report.error),
    seed: property?.seed ?? report.seed,
    faults: report.history
      .filter((entry) => entry.type === 'fault')
      .map((entry) => formatHistoryEntry(entry, report.startedAt)),
    transcript: formatTranscript(report.history, report.startedAt),
    logs: formatLogLines(report.logs),
    target: report.targetOverride ?? report.target,
    replay: replayCommand(report),
  };
  if (property) {
    Object.assign(evidence, {
      counterexample: jsonSafe(property.counterexample),
      path: property.path,
      runs: property.runs,
      shrinks: property.shrinks,
      shrinkingInterrupted: property.shrinkingInterrupted,
      ...(property.boundaries?.length ? { boundaries: property.boundaries } : {}),
    });
  }
  return evidence;
}

/** Counterexamples are generated JSON-like values; anything else (undefined, bigint, cycles) is shown as text. */
function jsonSafe(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? describeValue(value) : (JSON.parse(text) as unknown);
  } catch {
    return describeValue(value);
  }
}

export function formatFailureReport(report: FailureReport): string {
  return formatFailureEvidence(report.criterion, buildFailureEvidence(report));
}

/**
 * The failure message vitest prints: title, expected/found, counterexample, faults, transcript,
 * logs, replay. Spec text and what the implementation answered reach the terminal with their
 * control characters escaped; the replay command is one line (a newline in it shows as `\n`).
 */
export function formatFailureEvidence(
  criterion: Pick<Criterion, 'id' | 'name' | 'prose'>,
  evidence: FailureEvidence,
): string {
  const title = `${criterion.id}${criterion.name ? ` ${criterion.name}` : ''} failed: ${criterion.prose}`;
  const lines = [escapeLine(title), '', escapeText(evidence.message)];
  if (evidence.path !== undefined) {
    const runs = evidence.runs ?? 0;
    const shrinks = evidence.shrinks ?? 0;
    const shrunk = `${shrinks} shrink${shrinks === 1 ? '' : 's'}${evidence.shrinkingInterrupted ? ', shrinking stopped by its time budget' : ''}`;
    const counterexample = JSON.stringify(evidence.counterexample, null, 2);
    lines.push(
      ...section(`Counterexample (after ${runs} run${runs === 1 ? '' : 's'}, ${shrunk})`, [
        counterexample.length < 2000 ? counterexample : escapeText(describeValue(evidence.counterexample)),
      ]),
      '',
      `seed ${evidence.seed}, path ${escapeLine(evidence.path)}`,
    );
    lines.push(...section('Boundary values tried first', (evidence.boundaries ?? []).map(escapeText)));
  }
  lines.push(...section('Fault schedule', evidence.faults.map(escapeText)));
  lines.push(...section('Transcript (last 20 entries)', evidence.transcript.map(escapeText)));
  lines.push(
    ...section(
      `Implementation log (last 20 lines; ${escapeLine(String(evidence.target))})`,
      evidence.logs.map(escapeText),
    ),
  );
  lines.push('', `Replay: ${escapeLine(evidence.replay)}`);
  return lines.join('\n');
}
