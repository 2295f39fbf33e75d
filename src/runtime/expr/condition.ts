/**
 * Conditions (`assert.that`, invariant keys and predicates) are written either
 * as bare JSONata or as a `{{ … }}` template; both are accepted.
 */
import { evaluateExpression } from './jsonata.js';
import { evaluateTemplate, isTemplate } from './template.js';
import type { Scope } from './template.js';

export async function evaluateCondition(
  source: string,
  input: Scope,
  bindings: Record<string, unknown> = {},
): Promise<unknown> {
  return isTemplate(source)
    ? evaluateTemplate(source, input, bindings)
    : evaluateExpression(source, input, bindings);
}
