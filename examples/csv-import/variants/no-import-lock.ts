/**
 * Bug: one transaction per import but no lock, so two concurrent uploads both read the
 * stored keys before either commits and both insert the same rows.
 * Breaks: "two uploads at once never store the same key twice".
 */
import { createTableIfMissing, insertRows, loadStoredRows, withClient } from '../database.js';
import type { WriteImport } from '../database.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

const writeWithoutLock: WriteImport = (pool, rows, select) =>
  withClient(pool, async (client) => {
    await client.query('BEGIN');
    await createTableIfMissing(client);
    const fresh = select(rows, await loadStoredRows(client, rows));
    await insertRows(client, fresh);
    await client.query('COMMIT');
    return { imported: fresh.length, skippedDuplicates: rows.length - fresh.length };
  });

export default defineVariant(import.meta.url, 'no-import-lock', {
  ...referenceParts,
  writeImport: writeWithoutLock,
});
