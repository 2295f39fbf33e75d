/**
 * Bug: compares amounts as text, so "1.50" and "01.50" are different keys.
 * Breaks: duplicate key compares the amount as a number of cents.
 */
import type { DuplicateKey } from '../duplicates.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

const keyWithAmountText: DuplicateKey = (row) =>
  JSON.stringify([row.date, row.asWritten.amount, row.description]);

export default defineVariant(import.meta.url, 'amount-text-duplicate-key', {
  ...referenceParts,
  duplicateKey: keyWithAmountText,
});
