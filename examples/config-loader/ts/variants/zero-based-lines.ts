/**
 * Bug: reports lines counted from 0 (the offset's line index), one less than the line an editor shows.
 * Breaks: "lines are counted from 1 at the top of the file" (C-2).
 */
import { runConfigLoader } from '../loader.js';
import { referenceParts } from '../parts.js';

process.exitCode = runConfigLoader(process.argv.slice(2), {
  ...referenceParts,
  lineAt: (parsed, offset) => referenceParts.lineAt(parsed, offset) - 1,
});
