/** The run's history and the implementation's logs as readable text. */
import type { HistoryEntry, LogLine } from '../types.js';

const BODY_LIMIT = 160;

function trimBody(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > BODY_LIMIT ? `${oneLine.slice(0, BODY_LIMIT)}…` : oneLine;
}

function offset(at: number, startedAt: number): string {
  return `+${(at - startedAt).toFixed(1)}ms`.padStart(10);
}

export function formatHistoryEntry(entry: HistoryEntry, startedAt: number): string {
  if (entry.type === 'fault') return `${offset(entry.at, startedAt)} fault ${entry.service}: ${entry.action}`;
  if (entry.type === 'mark') return `${offset(entry.at, startedAt)} mark ${entry.name}`;
  const who = entry.actor ? ` as ${entry.actor.name}` : '';
  const took = `${(entry.receivedAt - entry.sentAt).toFixed(1)} ms`;
  const head = `${offset(entry.sentAt, startedAt)} #${entry.seq} [${entry.instance}] ${entry.request.method} ${entry.request.path}${who}`;
  if (!entry.response) return `${head} → ${entry.error ?? 'no response'} (${took})`;
  return `${head} → ${entry.response.status} (${took}) ${trimBody(entry.response.text)}`.trimEnd();
}

export function formatTranscript(entries: readonly HistoryEntry[], startedAt: number, last = 20): string[] {
  const shown = entries.slice(-last);
  const lines = shown.map((entry) => formatHistoryEntry(entry, startedAt));
  if (entries.length > shown.length)
    lines.unshift(`(${entries.length - shown.length} earlier entries not shown)`);
  return lines;
}

export function formatLogLines(lines: readonly LogLine[], last = 20): string[] {
  return lines.slice(-last).map((line) => `[${line.instance} ${line.stream}] ${line.text}`);
}
