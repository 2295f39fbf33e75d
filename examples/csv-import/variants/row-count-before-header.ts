/**
 * Bug: checks the number of data records before the header, so a bad header on a long file answers too_many_rows.
 * Breaks: checks are made in the order body size, header, number of records, records, database.
 */
import { headerGate, recordCountGate, referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'row-count-before-header', {
  ...referenceParts,
  gates: [recordCountGate, headerGate],
});
