import { codeFrameColumns } from '@babel/code-frame';
import pc from 'picocolors';
import type { Diagnostic } from './diagnostic.js';

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
 */
export function formatDiagnostic(d: Diagnostic, source: string, options: FormatOptions): string {
  const c = pc.createColors(options.color);
  const { start } = d.place;
  const severity =
    d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  const lines = [
    `${c.bold(`${d.place.file}:${start.line}:${start.column}`)} ${severity} ${c.dim(d.code)} ${d.message}`,
  ];
  if (d.expected !== undefined) lines.push(`  ${c.dim('expected:')} ${d.expected}`);
  if (d.found !== undefined) lines.push(`  ${c.dim('found:')} ${d.found}`);
  if (d.hint !== undefined) lines.push(`  ${c.dim('hint:')} ${c.cyan(d.hint)}`);
  const frame = codeFrame(d, source, options.color);
  if (frame !== '') lines.push(indent(frame, '  '));
  return lines.join('\n');
}

function codeFrame(d: Diagnostic, source: string, color: boolean): string {
  // A file that could not be read has no text to show.
  if (source === '') return '';
  const lineCount = source.split(/\r?\n/).length;
  const { start, end } = d.place;
  if (start.line < 1 || start.line > lineCount) return '';
  // A one-line range is underlined; a multi-line one only marks where it starts.
  const location =
    end.line === start.line && end.column > start.column
      ? { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } }
      : { start: { line: start.line, column: start.column } };
  return codeFrameColumns(source, location, {
    highlightCode: color,
    forceColor: color,
    linesAbove: 2,
    linesBelow: 1,
  });
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}
