/**
 * Bug: compares descriptions as written, so "Coffee" and "  Coffee " are different keys.
 * Breaks: duplicate key uses the description after trimming.
 */
import type { DuplicateKey } from '../duplicates.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

const keyWithUntrimmedDescription: DuplicateKey = (row) =>
  JSON.stringify([row.date, row.amountCents, row.asWritten.description]);

export default defineVariant(import.meta.url, 'untrimmed-duplicate-key', {
  ...referenceParts,
  duplicateKey: keyWithUntrimmedDescription,
});
