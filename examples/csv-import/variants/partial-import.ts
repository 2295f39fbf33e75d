/**
 * Bug: stores the valid rows of a file that has malformed records (still answering 422).
 * Breaks: "any record malformed → stored: nothing" (all or nothing).
 */
import type { ImportPlan } from '../pipeline.js';
import { referenceParts } from '../pipeline.js';
import type { RecordValidation } from '../records.js';
import { defineVariant } from '../variant.js';

function storeTheValidRows(validation: RecordValidation): ImportPlan {
  return { store: validation.rows, rejected: validation.malformed };
}

export default defineVariant(import.meta.url, 'partial-import', {
  ...referenceParts,
  planImport: storeTheValidRows,
});
