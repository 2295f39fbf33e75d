/** Captured output of a target's instances, in arrival order. */
import type { LogLine } from '../types.js';

/**
 * Lines kept in memory. A chatty implementation in a long property run must not grow the
 * test process without bound; steps look at recent lines (since a mark), so the oldest go.
 */
const MAX_LINES = 100_000;

export class LogBook {
  private readonly lines: LogLine[] = [];

  add(line: LogLine): void {
    this.lines.push(line);
    if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
  }

  all(): readonly LogLine[] {
    return this.lines;
  }

  /** The instance's last lines, `[stderr] ` marking standard error, for error messages. */
  tail(instance: number, count: number): string[] {
    const tail: string[] = [];
    for (let i = this.lines.length - 1; i >= 0 && tail.length < count; i--) {
      const line = this.lines[i]!;
      if (line.instance === instance)
        tail.unshift(line.stream === 'stderr' ? `[stderr] ${line.text}` : line.text);
    }
    return tail;
  }
}

/** Formats last output lines for an error message. */
export function formatTail(lines: readonly string[]): string {
  if (lines.length === 0) return '  (no output)';
  return lines.map((line) => `  | ${line}`).join('\n');
}
