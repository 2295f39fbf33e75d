/**
 * Rule settings: `specgate.lint.json` (`{ "rules": { "vague-prose": "off" } }`) and
 * `--rule id=level` options, applied to the registry. Pure: the CLI reads the file.
 */
import type { Severity } from '../diagnostics/diagnostic.js';
import type { LintRule } from './rule.js';

export type RuleSetting = Severity | 'off';

export const LINT_CONFIG_FILE = 'specgate.lint.json';

const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

/** A mistake in the settings, worded for the user (the CLI reports it as a usage error). */
export class LintConfigError extends Error {}

/** Reads the text of `specgate.lint.json`. */
export function parseLintConfig(text: string): Record<string, RuleSetting> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LintConfigError(`${LINT_CONFIG_FILE}: invalid JSON: ${(error as Error).message}`);
  }
  const rules = isRecord(data) ? data['rules'] : undefined;
  if (!isRecord(data) || Object.keys(data).some((key) => key !== 'rules') || !isRecord(rules))
    throw new LintConfigError(
      `${LINT_CONFIG_FILE}: expected { "rules": { "<rule id>": "off" | "info" | "warning" | "error" } }`,
    );
  return Object.fromEntries(
    Object.entries(rules).map(([id, setting]) => [
      id,
      settingOf(setting, `${LINT_CONFIG_FILE}: rule "${id}"`),
    ]),
  );
}

/** Reads one `--rule id=level` option. */
export function parseRuleOption(option: string): [string, RuleSetting] {
  const match = /^([a-z0-9-]+)=(\w+)$/.exec(option.trim());
  if (!match) throw new LintConfigError(`--rule ${option}: expected <rule id>=off|info|warning|error`);
  return [match[1]!, settingOf(match[2], `--rule ${option}`)];
}

/** The rules with their configured severities; `off` rules are left out. Unknown ids are an error. */
export function configureRules(
  rules: readonly LintRule[],
  settings: Readonly<Record<string, RuleSetting>>,
): LintRule[] {
  const ids = new Set(rules.map((rule) => rule.meta.id));
  for (const id of Object.keys(settings)) {
    if (!ids.has(id)) throw new LintConfigError(`unknown lint rule "${id}"; rules: ${[...ids].join(', ')}`);
  }
  return rules.flatMap((rule) => {
    const setting = settings[rule.meta.id];
    if (setting === undefined) return [rule];
    if (setting === 'off') return [];
    const meta = { ...rule.meta, severity: setting };
    // Rules report with their own meta; re-stamp the severity of what they return.
    return [{ meta, check: (spec) => rule.check(spec).map((d) => ({ ...d, severity: setting })) }];
  });
}

function settingOf(value: unknown, what: string): RuleSetting {
  if (typeof value === 'string' && (SETTINGS as readonly string[]).includes(value))
    return value as RuleSetting;
  throw new LintConfigError(
    `${what}: expected one of ${SETTINGS.join(', ')}, found ${JSON.stringify(value)}`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
