/**
 * Bug: imports any number of data records.
 * Breaks: more than 50000 data records → 413 too_many_rows.
 */
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'no-row-limit', {
  ...referenceParts,
  limits: { ...referenceParts.limits, maxDataRecords: Number.POSITIVE_INFINITY },
});
