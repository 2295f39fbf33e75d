/**
 * Bug: commits every 1000 rows in a transaction of their own, so a failure part-way leaves the first batches stored.
 * Breaks: the import is one database transaction ("connection drops during the import → stored: nothing").
 */
import { beginImportTransaction, insertRows, loadStoredRows, withClient } from '../database.js';
import type { WriteImport } from '../database.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

const BATCH_ROWS = 1000;

const writeInBatches: WriteImport = async (pool, rows, select) => {
  let imported = 0;
  // An empty file still opens one transaction, as the reference does.
  const batchCount = Math.max(1, Math.ceil(rows.length / BATCH_ROWS));
  for (let i = 0; i < batchCount; i++) {
    const batch = rows.slice(i * BATCH_ROWS, (i + 1) * BATCH_ROWS);
    imported += await withClient(pool, async (client) => {
      await beginImportTransaction(client);
      const fresh = select(batch, await loadStoredRows(client, batch));
      await insertRows(client, fresh);
      await client.query('COMMIT');
      return fresh.length;
    });
  }
  return { imported, skippedDuplicates: rows.length - imported };
};

export default defineVariant(import.meta.url, 'batch-commits', {
  ...referenceParts,
  writeImport: writeInBatches,
});
