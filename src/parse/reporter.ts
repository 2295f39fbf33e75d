import { closest, distance } from 'fastest-levenshtein';
import { CATALOGUE, renderMessage, type DiagnosticCode } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Place } from '../ir.js';
import type { LineIndex } from './text-index.js';

export interface Details {
  expected?: string;
  found?: string;
  hint?: string;
}

/** Collects the diagnostics of one parse; every stage of the parser reports through it. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    readonly lines: LineIndex,
  ) {}

  place(start: number, end: number): Place {
    return this.lines.place(this.file, start, end);
  }

  report(
    code: DiagnosticCode,
    range: readonly [number, number],
    args: Readonly<Record<string, string | number>> = {},
    details: Details = {},
  ): void {
    const diagnostic: Diagnostic = {
      code,
      severity: CATALOGUE[code].severity,
      message: renderMessage(code, args),
      place: this.place(range[0], range[1]),
    };
    if (details.expected !== undefined) diagnostic.expected = details.expected;
    if (details.found !== undefined) diagnostic.found = truncate(details.found);
    if (details.hint !== undefined) diagnostic.hint = details.hint;
    this.diagnostics.push(diagnostic);
  }

  hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}

const FOUND_LIMIT = 80;

/** One line, cut when long: `found` quotes the spec, it does not reproduce it. */
function truncate(raw: string): string {
  const text = raw.replace(/\r?\n/g, '\\n');
  return text.length > FOUND_LIMIT ? `${text.slice(0, FOUND_LIMIT - 1)}…` : text;
}

/** `did you mean "x"?` when a candidate is close enough to be a plausible typo. */
export function didYouMean(found: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(found, [...candidates]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(found, best) <= limit ? `did you mean "${best}"?` : undefined;
}

/** A value quoted as the spec writes it, for `found`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list (${JSON.stringify(value)})`;
  if (typeof value === 'object') return `a mapping (${JSON.stringify(value)})`;
  return String(value);
}
