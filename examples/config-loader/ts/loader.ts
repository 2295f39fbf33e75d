/** `config-loader FILE`: read, normalize, report. Exit 0 with JSON on stdout, or 2 with the problem on stderr. */
import { readFileSync } from 'node:fs';
import { normalizeConfig } from './normalize.js';
import type { ConfigLoaderParts, Outcome, Output } from './parts.js';
import { ConfigProblem } from './problem.js';

const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export function loadConfig(text: string, parts: ConfigLoaderParts): Outcome {
  try {
    return { config: normalizeConfig(parts.parse(text), parts) };
  } catch (error) {
    if (error instanceof ConfigProblem) return { problem: error };
    throw error;
  }
}

/** Returns the exit code; usage and I/O errors are exit 2 as well, since the file was not loaded. */
export function runConfigLoader(
  args: readonly string[],
  parts: ConfigLoaderParts,
  output = processOutput,
): number {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) {
    output.stderr('usage: config-loader FILE\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    output.stderr(`${file}: cannot read: ${(error as Error).message}\n`);
    return 2;
  }
  return parts.report(loadConfig(text, parts), file, output);
}
