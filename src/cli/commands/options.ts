/**
 * Commands' option declarations and defaults, kept apart from the commands themselves: main.ts
 * builds every command's help from these and loads a command's module only when it runs, so
 * `--help` and `--version` start without the parser, the linter or vitest.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import { LINT_CONFIG_FILE } from '../../lint/config.js';

export const LINT_FORMATS = ['stylish', 'json', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintOptions {
  /** `stylish` (default): code frames for people; `json`; `github`: workflow annotations. */
  format?: LintFormat;
  /** `id=off|info|warning|error`, applied after `specgate.lint.json`. */
  rule?: string[];
  /** Print a starting yaml block for each criterion that has none. */
  suggest?: boolean;
}

/** Declares `lint`'s options on its commander command (main.ts builds the command). */
export function addLintOptions(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', 'output format').choices(LINT_FORMATS).default('stylish'))
    .option(
      '--rule <id=level>',
      `set a rule's severity: off, info, warning or error (repeatable; overrides ${LINT_CONFIG_FILE})`,
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--suggest', 'propose a starting yaml block for each criterion without one');
}

/** Where `specgate ci` writes its reports, relative to the project root. */
export const DEFAULT_REPORT_DIR = 'specgate-report';
