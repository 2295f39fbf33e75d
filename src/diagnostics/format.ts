import { codeFrameColumns } from '@babel/code-frame';
import pc from 'picocolors';
import type { Diagnostic } from './diagnostic.js';
import { escapeLine, escapeText } from './escape.js';

export interface FormatOptions {
  color: boolean;
}

/**
 * Prints a diagnostic as compilers do:
 *
 *     specs/x.md:12:5 error SG3004 unknown key "expct" in a send step
 *       expected: one of send, as, headers, …
 *       found: expct
 *       hint: did you mean "expect"?
 *       <code frame>
 *
 * Every part that comes from the spec or its file name is printed with its control characters
 * escaped, so no spec can write to the terminal or forge a line of the output.
 */
export function formatDiagnostic(d: Diagnostic, source: string, options: FormatOptions): string {
  const c = pc.createColors(options.color);
  const { start } = d.place;
  const severity =
    d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  const lines = [
    `${c.bold(`${escapeLine(d.place.file)}:${start.line}:${start.column}`)} ${severity} ${c.dim(d.code)} ${escapeLine(d.message)}`,
  ];
  if (d.expected !== undefined) lines.push(`  ${c.dim('expected:')} ${escapeLine(d.expected)}`);
  if (d.found !== undefined) lines.push(`  ${c.dim('found:')} ${escapeLine(d.found)}`);
  if (d.hint !== undefined) lines.push(`  ${c.dim('hint:')} ${c.cyan(escapeLine(d.hint))}`);
  const frame = codeFrame(d, source, options.color);
  if (frame !== '') lines.push(indent(frame, '  '));
  return lines.join('\n');
}

function codeFrame(d: Diagnostic, source: string, color: boolean): string {
  // A file that could not be read has no text to show.
  if (source === '') return '';
  const lines = source.split(LINE_END);
  const { start, end } = d.place;
  if (start.line < 1 || start.line > lines.length) return '';
  // The frame shows escaped lines (tabs stay: its marker line keeps them aligned), so columns
  // move with the escapes before them.
  const shown = lines.map(escapeText);
  const startColumn = shownColumn(lines[start.line - 1]!, start.column);
  // A one-line range is underlined; a multi-line one only marks where it starts.
  const location =
    end.line === start.line && end.column > start.column
      ? {
          start: { line: start.line, column: startColumn },
          end: { line: end.line, column: shownColumn(lines[end.line - 1]!, end.column) },
        }
      : { start: { line: start.line, column: startColumn } };
  return codeFrameColumns(shown.join('\n'), location, {
    highlightCode: color,
    forceColor: color,
    linesAbove: 2,
    linesBelow: 1,
  });
}

/**
 * Line ends as places count them (a lone CR is shown escaped within its line); the frame's own
 * splitting would also break at CR and U+2028 and show the wrong lines.
 */
const LINE_END = /\r?\n/;

/** Where a 1-based `column` of a source line is in its escaped form (a column past the end stays past it). */
function shownColumn(line: string, column: number): number {
  const before = Math.max(0, column - 1);
  return escapeText(line.slice(0, before)).length + 1 + Math.max(0, before - line.length);
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}
