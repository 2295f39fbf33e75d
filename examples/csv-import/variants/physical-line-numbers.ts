/**
 * Bug: reports the physical line a record starts on, so records after a multi-line quoted field are miscounted.
 * Breaks: "a quoted field spanning lines is still one record".
 */
import { parseCsvRecords } from '../csv-parser.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'physical-line-numbers', {
  ...referenceParts,
  parseRecords: (text) => parseCsvRecords(text).map((record) => ({ ...record, number: record.line })),
});
