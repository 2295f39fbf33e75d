/**
 * The record of one run: every request with its [sent, received] interval,
 * every fault, every mark. Invariants and failure transcripts read it.
 */
import { performance } from 'node:perf_hooks';
import type { FaultEntry, HistoryEntry, MarkEntry, RequestEntry } from '../types.js';

type Unnumbered<T> = T extends unknown ? Omit<T, 'type' | 'seq'> : never;

export class History {
  readonly startedAt = performance.now();
  private readonly recorded: HistoryEntry[] = [];
  private nextSeq = 1;

  now(): number {
    return performance.now();
  }

  get entries(): readonly HistoryEntry[] {
    return this.recorded;
  }

  requests(): RequestEntry[] {
    return this.recorded.filter((entry): entry is RequestEntry => entry.type === 'request');
  }

  recordRequest(entry: Unnumbered<RequestEntry>): RequestEntry {
    const recorded: RequestEntry = { type: 'request', seq: this.nextSeq++, ...entry };
    this.insertByTime(recorded);
    return recorded;
  }

  recordFault(service: string, action: string): FaultEntry {
    const recorded: FaultEntry = { type: 'fault', seq: this.nextSeq++, at: this.now(), service, action };
    this.recorded.push(recorded);
    return recorded;
  }

  mark(name: string): MarkEntry {
    const recorded: MarkEntry = { type: 'mark', seq: this.nextSeq++, at: this.now(), name };
    this.recorded.push(recorded);
    return recorded;
  }

  findMark(name: string): MarkEntry | undefined {
    return this.recorded.find((entry): entry is MarkEntry => entry.type === 'mark' && entry.name === name);
  }

  /** Requests are recorded when they complete; keep the history ordered by when they were sent. */
  private insertByTime(entry: RequestEntry): void {
    let i = this.recorded.length;
    while (i > 0 && entryTime(this.recorded[i - 1]!) > entry.sentAt) i--;
    this.recorded.splice(i, 0, entry);
  }
}

export function entryTime(entry: HistoryEntry): number {
  return entry.type === 'request' ? entry.sentAt : entry.at;
}
