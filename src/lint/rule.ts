import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { Spec } from '../ir.js';

/** A structural lint rule: metadata plus a pure check of a parsed spec. */
export interface LintRule {
  meta: {
    /** Kebab-case rule id, e.g. `not-executable-criterion`. */
    id: string;
    /** Stable diagnostic code; SG6xxx, a range the catalogue leaves to lint rules. */
    code: string;
    severity: Severity;
    /** One sentence saying what the rule looks for and why it matters. */
    description: string;
  };
  check(spec: Spec): Diagnostic[];
}

/** A diagnostic of `rule` with the rule's code and severity. */
export function report(rule: LintRule['meta'], fields: Omit<Diagnostic, 'code' | 'severity'>): Diagnostic {
  return { code: rule.code, severity: rule.severity, ...fields };
}
