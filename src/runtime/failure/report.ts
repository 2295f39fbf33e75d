/**
 * The message of a failed criterion: what was expected and found, the
 * property's counterexample with seed and path, the fault schedule, the last
 * requests and log lines, and the command that replays exactly this run.
 */
import type { Criterion } from '../../ir.js';
import { describeValue } from '../match/index.js';
import type { HistoryEntry, LogLine } from '../types.js';
import { formatHistoryEntry, formatLogLines, formatTranscript } from './transcript.js';

export interface PropertyOutcome {
  counterexample: unknown;
  seed: number;
  path: string;
  runs: number;
  shrinks: number;
  /** True when shrinking was cut short by its time budget. */
  shrinkingInterrupted: boolean;
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

function quoteShell(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function replayCommand(
  report: Pick<FailureReport, 'specFile' | 'criterion' | 'property' | 'seed' | 'targetOverride'>,
): string {
  const parts = ['specgate', 'test', report.specFile, '--criterion', report.criterion.id];
  parts.push('--seed', String(report.property?.seed ?? report.seed));
  if (report.property) parts.push('--path', quoteShell(report.property.path));
  if (report.targetOverride !== undefined) parts.push('--target', quoteShell(report.targetOverride));
  return parts.join(' ');
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function section(title: string, lines: string[]): string[] {
  const indented = lines.flatMap((line) => line.split('\n')).map((line) => `  ${line}`);
  return lines.length === 0 ? [] : ['', `${title}:`, ...indented];
}

export function formatFailureReport(report: FailureReport): string {
  const { criterion, property } = report;
  const title = `${criterion.id}${criterion.name ? ` ${criterion.name}` : ''} failed: ${criterion.prose}`;
  const lines = [title, '', ...errorText(report.error).split('\n')];
  if (property) {
    const shrunk = `${property.shrinks} shrink${property.shrinks === 1 ? '' : 's'}${property.shrinkingInterrupted ? ', shrinking stopped by its time budget' : ''}`;
    lines.push(
      ...section(`Counterexample (after ${property.runs} run${property.runs === 1 ? '' : 's'}, ${shrunk})`, [
        describeValue(property.counterexample).length < 2000
          ? JSON.stringify(property.counterexample, null, 2)
          : describeValue(property.counterexample),
      ]),
      '',
      `seed ${property.seed}, path ${property.path}`,
    );
  }
  const faults = report.history.filter((entry) => entry.type === 'fault');
  lines.push(
    ...section(
      'Fault schedule',
      faults.map((entry) => formatHistoryEntry(entry, report.startedAt)),
    ),
  );
  lines.push(...section('Transcript (last 20 entries)', formatTranscript(report.history, report.startedAt)));
  lines.push(...section(`Implementation log (last 20 lines; ${report.target})`, formatLogLines(report.logs)));
  lines.push('', `Replay: ${replayCommand(report)}`);
  return lines.join('\n');
}
