/**
 * Bug: includes the currency in the duplicate key.
 * Breaks: "currency is not part of the key".
 */
import type { DuplicateKey } from '../duplicates.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

const keyWithCurrency: DuplicateKey = (row) =>
  JSON.stringify([row.date, row.amountCents, row.currency, row.description]);

export default defineVariant(import.meta.url, 'currency-in-duplicate-key', {
  ...referenceParts,
  duplicateKey: keyWithCurrency,
});
