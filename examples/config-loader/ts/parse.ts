/** YAML text → document nodes that remember where they were written. */
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { ConfigProblem } from './problem.js';

export interface ParsedConfig {
  document: Document.Parsed;
  lines: LineCounter;
}

/**
 * Integers are read as bigints so that `8080` and `8080.0` stay apart: only the first is an
 * integer. The first syntax error (yaml reports it with its line) rejects the file.
 */
export function parseConfigText(text: string): ParsedConfig {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, intAsBigInt: true });
  const [error] = document.errors;
  if (error) {
    const line = error.linePos?.[0].line ?? lines.linePos(error.pos[0]).line;
    const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.code;
    throw new ConfigProblem('', line, `YAML syntax error: ${message}`);
  }
  return { document, lines };
}
