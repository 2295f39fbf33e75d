import type { LintRule } from '../rule.js';
import { emptyAcceptance } from './empty-acceptance.js';
import { emptyCheck } from './empty-check.js';
import { notExecutableCriterion } from './not-executable-criterion.js';
import { sectionOrder } from './section-order.js';

/** Every structural rule, in the order their diagnostics are reported. */
export const structuralRules: readonly LintRule[] = [
  emptyAcceptance,
  sectionOrder,
  notExecutableCriterion,
  emptyCheck,
];
