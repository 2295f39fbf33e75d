export { unique, jsTrim, cents, codePoints } from './functions.js';
export { compileExpression, evaluateExpression, toPlain, ExpressionError } from './jsonata.js';
export {
  parseTemplate,
  isTemplate,
  evaluateTemplate,
  evaluateTemplateValue,
  evaluateString,
  evaluateNumber,
} from './template.js';
export type { Scope, TemplatePart } from './template.js';
export { evaluateCondition } from './condition.js';
export { explainOperands } from './explain.js';
