/**
 * Bug: coerces a numeric string to a number, so `port: "8080"` is accepted as 8080.
 * Breaks: "`"8080"` is not an integer: a quoted port is a wrong type" (FM-2).
 */
import { runConfigLoader } from '../loader.js';
import { referenceParts } from '../parts.js';

process.exitCode = runConfigLoader(process.argv.slice(2), {
  ...referenceParts,
  readInteger: (value) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : referenceParts.readInteger(value),
});
