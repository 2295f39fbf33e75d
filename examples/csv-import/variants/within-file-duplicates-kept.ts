/**
 * Bug: skips rows already stored but not repeats within the same file.
 * Breaks: duplicates are checked against stored rows AND earlier records of the same file.
 */
import type { TransactionRow } from '../contract.js';
import type { SelectNewRows } from '../duplicates.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

const skipStoredDuplicatesOnly: SelectNewRows = (candidates, stored, key) => {
  const storedKeys = new Set(stored.map(key));
  return candidates.filter((row: TransactionRow) => !storedKeys.has(key(row)));
};

export default defineVariant(import.meta.url, 'within-file-duplicates-kept', {
  ...referenceParts,
  selectNewRows: skipStoredDuplicatesOnly,
});
