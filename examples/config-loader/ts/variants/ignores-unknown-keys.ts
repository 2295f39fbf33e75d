/**
 * Bug: never looks for unknown keys, so a misspelt key is silently dropped.
 * Breaks: "an unknown key at any depth is rejected naming that key and its line" (FM-1).
 */
import { runConfigLoader } from '../loader.js';
import { referenceParts } from '../parts.js';

process.exitCode = runConfigLoader(process.argv.slice(2), { ...referenceParts, unknownKeys: () => [] });
