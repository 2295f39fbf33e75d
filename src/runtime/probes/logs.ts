/** Selects captured log lines by level, content, instance and time. */
import type { LogLine } from '../types.js';
import { boundedRegexTest } from '../match/bounded-regex.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Plain-text spellings and pino's numeric levels per level. */
const LEVELS: Record<LogLevel, { words: string[]; numbers: number[] }> = {
  debug: { words: ['debug'], numbers: [20] },
  info: { words: ['info'], numbers: [30] },
  warn: { words: ['warn', 'warning'], numbers: [40] },
  error: { words: ['error', 'err', 'fatal'], numbers: [50, 60] },
};

function jsonLevel(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(trimmed) as Record<string, unknown>;
    return parsed.level ?? parsed.severity ?? parsed.lvl;
  } catch {
    return undefined;
  }
}

export function lineHasLevel(text: string, level: LogLevel): boolean {
  const { words, numbers } = LEVELS[level];
  const structured = jsonLevel(text);
  if (structured !== undefined) {
    if (typeof structured === 'number') return numbers.includes(structured);
    return words.includes(String(structured).toLowerCase());
  }
  return new RegExp(`\\b(${words.join('|')})\\b`, 'i').test(text);
}

export interface LogQuery {
  /** Only lines read at or after this `performance.now()` time. */
  since: number;
  instance?: number;
  level?: LogLevel;
  contains?: string;
  matches?: string;
}

export function selectLogLines(lines: readonly LogLine[], query: LogQuery): LogLine[] {
  const pattern = query.matches;
  return lines.filter(
    (line) =>
      line.at >= query.since &&
      (query.instance === undefined || line.instance === query.instance) &&
      (query.level === undefined || lineHasLevel(line.text, query.level)) &&
      (query.contains === undefined || line.text.includes(query.contains)) &&
      (pattern === undefined || boundedRegexTest(pattern, line.text)),
  );
}
