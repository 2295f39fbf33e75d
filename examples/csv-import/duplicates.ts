/**
 * Duplicate detection. The key is (date, amount in cents, trimmed description):
 * currency is not part of it. The same key function is applied to stored rows and
 * to the file's rows, so "duplicate" means one thing everywhere.
 */
import type { TransactionRow } from './contract.js';

export type DuplicateKey = (row: TransactionRow) => string;

/** Rows of the file to insert, in file order: the first occurrence of a key wins. */
export type SelectNewRows = (
  candidates: readonly TransactionRow[],
  stored: readonly TransactionRow[],
  key: DuplicateKey,
) => TransactionRow[];

export const contractDuplicateKey: DuplicateKey = (row) =>
  JSON.stringify([row.date, row.amountCents, row.description]);

export const skipStoredAndEarlierDuplicates: SelectNewRows = (candidates, stored, key) => {
  const seen = new Set(stored.map(key));
  const fresh: TransactionRow[] = [];
  for (const row of candidates) {
    const rowKey = key(row);
    if (seen.has(rowKey)) continue;
    seen.add(rowKey);
    fresh.push(row);
  }
  return fresh;
};
