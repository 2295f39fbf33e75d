/**
 * Bug: splits lines on line breaks and fields on every comma, ignoring quotes.
 * Breaks: records are RFC 4180 (quoted fields may hold `,`, `"`, CR and LF).
 */
import type { CsvRecord } from '../contract.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

function splitOnCommas(text: string): CsvRecord[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop(); // the final line break
  return lines.map((line, i) => ({ number: i + 1, line: i + 1, fields: line.split(','), malformed: false }));
}

export default defineVariant(import.meta.url, 'naive-comma-split', {
  ...referenceParts,
  parseRecords: splitOnCommas,
});
