/**
 * Bug: leaves optional keys out of the output instead of filling in their defaults.
 * Breaks: "`log.level` defaults to `info`, `features` to `[]`" (AC-2).
 */
import { runConfigLoader } from '../loader.js';
import { referenceParts } from '../parts.js';

process.exitCode = runConfigLoader(process.argv.slice(2), {
  ...referenceParts,
  absentValue: () => undefined,
});
