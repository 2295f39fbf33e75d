/**
 * The loader as named parts. `referenceParts` is the contract; each known-bad variant replaces
 * exactly one part, so the reference carries no switches for bugs.
 */
import type { Field, Fields } from './schema.js';
import { parseConfigText } from './parse.js';
import type { ParsedConfig } from './parse.js';
import { formatProblem } from './problem.js';
import type { ConfigProblem } from './problem.js';

export type Outcome = { config: Record<string, unknown> } | { problem: ConfigProblem };

export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface ConfigLoaderParts {
  /** Text → document with positions; a syntax error throws a `ConfigProblem`. */
  parse(text: string): ParsedConfig;
  /** The 1-based line of a source offset. */
  lineAt(parsed: ParsedConfig, offset: number): number;
  /** The keys of one mapping that its schema does not know, in file order. */
  unknownKeys(keys: readonly string[], fields: Fields): string[];
  /** A scalar's value as an integer, or undefined when it is not one. */
  readInteger(value: unknown): number | undefined;
  /** The normalized value of an optional field that the file leaves out. */
  absentValue(field: Exclude<Field, { type: 'section' }>): unknown;
  /** The normalized section's entries in output order, given the schema's and the file's order. */
  orderKeys(schemaOrder: readonly string[], fileOrder: readonly string[]): string[];
  /** Prints the outcome and returns the exit code. */
  report(outcome: Outcome, file: string, output: Output): number;
}

export const referenceParts: ConfigLoaderParts = {
  parse: parseConfigText,
  lineAt: (parsed, offset) => parsed.lines.linePos(offset).line,
  unknownKeys: (keys, fields) => keys.filter((key) => !Object.hasOwn(fields, key)),
  readInteger: (value) => (typeof value === 'bigint' ? Number(value) : undefined),
  absentValue: (field) => ('default' in field ? structuredClone(field.default) : undefined),
  orderKeys: (schemaOrder) => [...schemaOrder],
  report: (outcome, file, output) => {
    if ('config' in outcome) {
      output.stdout(`${JSON.stringify(outcome.config, null, 2)}\n`);
      return 0;
    }
    output.stderr(`${formatProblem(file, outcome.problem)}\n`);
    return 2;
  },
};
