import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import {
  allRules,
  configureRules,
  formatGithub,
  formatJson,
  LINT_CONFIG_FILE,
  LintConfigError,
  lintSpec,
  parseForLint,
  parseLintConfig,
  parseRuleOption,
  phraseSnippets,
  suggestChecks,
  summarizeCriteria,
} from '../../lint/index.js';
import type { LintResult, LintRule, RuleSetting } from '../../lint/index.js';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import type { LintOptions } from './options.js';
import { loadSpecs, selectSpecFiles } from '../project.js';
import type { LoadedSpec } from '../project.js';
import { countBySeverity, printDiagnostics } from '../report-diagnostics.js';
import { escapeLine } from '../../diagnostics/escape.js';

/** The parser's "missing section" warning, and the lint rule that asks the reviewer's question instead. */
const MISSING_SECTION_CODE = 'SG1004';
const SECTION_RULE_ID = 'missing-or-empty-section';

/** Parse diagnostics plus lint findings; exit 2 when any spec has an error, 0 otherwise. */
export async function lintProject(
  context: CliContext,
  args: readonly string[],
  options: LintOptions = {},
): Promise<ExitCodeValue> {
  const format = options.format ?? 'stylish';
  const rules = await configuredRules(context.root, options.rule ?? []);
  const minimum = context.verbose ? 'info' : 'warning';
  const files = await selectSpecFiles(context.root, args);
  const totals = { error: 0, warning: 0, info: 0 };
  const results: LintResult[] = [];

  for (const loaded of await loadSpecs(context.root, files)) {
    const result = lintLoadedSpec(loaded, rules, { minimum, suggest: options.suggest === true });
    const { diagnostics, suggestions } = result;
    results.push(result);
    const counts = countBySeverity(diagnostics);
    totals.error += counts.error;
    totals.warning += counts.warning;
    totals.info += counts.info;
    if (format !== 'stylish') continue;

    printDiagnostics(context, diagnostics, loaded.source, { minimum, to: 'out' });
    for (const [id, yaml] of Object.entries(suggestions ?? {})) {
      const lead =
        id in (result.phraseSnippets ?? {})
          ? 'has a clause no phrase matches; a phrase to define'
          : 'has no yaml block; a start';
      context.out(`${escapeLine(loaded.file)}: ${id} ${lead}:
\`\`\`yaml
${yaml}
\`\`\`
`);
    }
    const criteria = loaded.spec ? summarizeCriteria(loaded.spec) : undefined;
    const summary = criteria
      ? `${criteria.total} criteria, ${criteria.executable} executable, ${criteria.notExecutable} not executable`
      : 'not parsed';
    context.out(
      `${escapeLine(loaded.file)}: ${summary}; ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`,
    );
  }

  if (format === 'json') context.io.stdout(formatJson(results, allRules));
  if (format === 'github') context.io.stdout(formatGithub(results, allRules));
  if (totals.error > 0) {
    context.err(context.colors.red(`${plural(totals.error, 'error')} in ${plural(files.length, 'spec')}`));
    return ExitCode.usage;
  }
  return ExitCode.ok;
}

/**
 * One spec's parse diagnostics and lint findings in document order, `info` ones only when `minimum`
 * is info, and with `suggest` a starting yaml block for each criterion without one.
 */
export function lintLoadedSpec(
  loaded: LoadedSpec,
  rules: readonly LintRule[],
  options: { minimum: 'info' | 'warning'; suggest: boolean },
): LintResult {
  // A draft that only lacks required sections is still linted: that is when questions help most.
  const spec = loaded.spec ?? parseForLint(loaded.source, loaded.file).spec;
  // The section rule asks about a missing section; the parser's plain SG1004 would say it twice.
  const asksAboutSections = rules.some((rule) => rule.meta.id === SECTION_RULE_ID);
  const parsed = asksAboutSections
    ? loaded.diagnostics.filter((diagnostic) => diagnostic.code !== MISSING_SECTION_CODE)
    : loaded.diagnostics;
  const diagnostics = sortByPlace([...parsed, ...(spec ? lintSpec(spec, rules) : [])]).filter(
    (diagnostic) => options.minimum === 'info' || diagnostic.severity !== 'info',
  );
  if (!options.suggest || !spec) return { file: loaded.file, diagnostics };
  // A prose criterion with a clause no phrase matches gets a phrase to define, not a yaml block.
  const phraseSnippetsById = phraseSnippets(spec);
  return {
    file: loaded.file,
    diagnostics,
    suggestions: { ...suggestChecks(spec), ...phraseSnippetsById },
    phraseSnippets: phraseSnippetsById,
  };
}

/** The registry with `specgate.lint.json` applied, then `--rule` options. */
export async function configuredRules(root: string, ruleOptions: readonly string[]): Promise<LintRule[]> {
  try {
    const text = await readFile(join(root, LINT_CONFIG_FILE), 'utf8').catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      },
    );
    const settings: Record<string, RuleSetting> = text === undefined ? {} : parseLintConfig(text);
    for (const option of ruleOptions) {
      const [id, setting] = parseRuleOption(option);
      settings[id] = setting;
    }
    return configureRules(allRules, settings);
  } catch (error) {
    if (error instanceof LintConfigError) throw new CliError(error.message);
    throw error;
  }
}

function sortByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, order) => ({ diagnostic, order }))
    .sort((a, b) => a.diagnostic.place.start.offset - b.diagnostic.place.start.offset || a.order - b.order)
    .map(({ diagnostic }) => diagnostic);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
