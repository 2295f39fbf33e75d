/**
 * Bug: on a rejected file it still prints a JSON document on stdout (`{"error": …}`) besides the message.
 * Breaks: "a rejected file prints nothing on stdout" (C-3).
 */
import { runConfigLoader } from '../loader.js';
import { referenceParts } from '../parts.js';

process.exitCode = runConfigLoader(process.argv.slice(2), {
  ...referenceParts,
  report: (outcome, file, output) => {
    if ('problem' in outcome) output.stdout(`${JSON.stringify({ error: outcome.problem.message })}\n`);
    return referenceParts.report(outcome, file, output);
  },
});
