import { formatCount, MAX_YAML_NODES } from './limits.js';
import type { Reporter } from './reporter.js';
import type { YamlSyntaxError } from './yaml-tree.js';

/** A yaml text's errors: syntax as `code` (SG2003, SG3001), a text past the node limit as SG1012. */
export function reportYamlErrors(
  errors: readonly YamlSyntaxError[],
  reporter: Reporter,
  code: 'SG2003' | 'SG3001',
  args: Readonly<Record<string, string>>,
): void {
  for (const error of errors) {
    if (!error.overLimit) {
      reporter.report(code, error.range, { ...args, detail: error.message });
      continue;
    }
    const limit = formatCount(MAX_YAML_NODES);
    reporter.report(
      'SG1012',
      error.range,
      { limit },
      {
        expected: `at most ${limit} yaml nodes (scalars, mappings, sequences, aliases) in one block`,
        found: `node ${formatCount(MAX_YAML_NODES + 1)} here`,
        hint: 'move large data out of the spec (a fixture file the target reads, or a generator)',
      },
    );
  }
}
