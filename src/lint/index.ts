/**
 * The lint stage: findings about a parsed spec. Pure; the parser reports what makes a spec
 * invalid, lint what makes a valid one weak: structural rules, and critique rules that ask
 * the questions a reviewer would, before any code exists.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Spec } from '../ir.js';
import type { LintRule } from './rule.js';
import { allRules } from './rules/index.js';

export type { LintRule } from './rule.js';
export { allRules, critiqueRules, structuralRules } from './rules/index.js';
export {
  configureRules,
  LINT_CONFIG_FILE,
  LintConfigError,
  parseLintConfig,
  parseRuleOption,
} from './config.js';
export type { RuleSetting } from './config.js';
export { parseForLint } from './draft.js';
export { formatGithub, formatJson } from './format.js';
export type { LintResult } from './format.js';
export { suggestCheck, suggestChecks } from './suggest.js';
export { phraseSnippets } from './phrase-snippets.js';

/** Findings of `rules` (default: every rule), ordered by place, then rule order. */
export function lintSpec(spec: Spec, rules: readonly LintRule[] = allRules): Diagnostic[] {
  return rules
    .flatMap((rule) => rule.check(spec))
    .map((diagnostic, order) => ({ diagnostic, order }))
    .sort((a, b) => a.diagnostic.place.start.offset - b.diagnostic.place.start.offset || a.order - b.order)
    .map(({ diagnostic }) => diagnostic);
}

export interface CriteriaSummary {
  total: number;
  executable: number;
  notExecutable: number;
}

export function summarizeCriteria(spec: Spec): CriteriaSummary {
  const criteria = spec.sections.flatMap((section) => section.criteria);
  const executable = criteria.filter((criterion) => criterion.check).length;
  return { total: criteria.length, executable, notExecutable: criteria.length - executable };
}
