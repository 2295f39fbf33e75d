/**
 * Bug: stops at the first malformed record and reports only it.
 * Breaks: 422 invalid_rows lists ALL malformed record numbers.
 */
import type { CsvRecord } from '../contract.js';
import type { FieldRules } from '../fields.js';
import { referenceParts } from '../pipeline.js';
import { toTransactionRow } from '../records.js';
import type { RecordValidation } from '../records.js';
import { defineVariant } from '../variant.js';

function stopAtFirstMalformed(records: readonly CsvRecord[], rules: FieldRules): RecordValidation {
  const validation: RecordValidation = { rows: [], malformed: [] };
  for (const record of records) {
    const row = toTransactionRow(record, rules);
    if (!row) return { ...validation, malformed: [record.number] };
    validation.rows.push(row);
  }
  return validation;
}

export default defineVariant(import.meta.url, 'first-bad-record-only', {
  ...referenceParts,
  validateRecords: stopAtFirstMalformed,
});
