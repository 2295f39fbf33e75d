/**
 * Bug: prints keys in the order the file gives them, then the defaulted ones.
 * Breaks: "keys in schema order at every depth" (C-1).
 */
import { runConfigLoader } from '../loader.js';
import { referenceParts } from '../parts.js';

process.exitCode = runConfigLoader(process.argv.slice(2), {
  ...referenceParts,
  orderKeys: (schemaOrder, fileOrder) => [
    ...fileOrder,
    ...schemaOrder.filter((key) => !fileOrder.includes(key)),
  ],
});
