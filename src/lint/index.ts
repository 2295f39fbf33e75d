/**
 * The lint stage: structural findings about a parsed spec. Pure; the parser
 * reports what makes a spec invalid, lint what makes a valid one weak.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Spec } from '../ir.js';
import type { LintRule } from './rule.js';
import { structuralRules } from './rules/index.js';

export type { LintRule } from './rule.js';
export { structuralRules } from './rules/index.js';

export function lintSpec(spec: Spec, rules: readonly LintRule[] = structuralRules): Diagnostic[] {
  return rules.flatMap((rule) => rule.check(spec));
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
