/**
 * Bug: numbers records from 0 (header 0, first data record 1), i.e. one less than the contract.
 * Breaks: "the header is record 1, the first data record is record 2".
 */
import { parseCsvRecords } from '../csv-parser.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'record-numbers-from-zero', {
  ...referenceParts,
  parseRecords: (text) => parseCsvRecords(text).map((record) => ({ ...record, number: record.number - 1 })),
});
