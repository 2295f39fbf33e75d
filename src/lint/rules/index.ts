import type { LintRule } from '../rule.js';
import { dependencyWithoutFailureMode } from './dependency-without-failure-mode.js';
import { emptyAcceptance } from './empty-acceptance.js';
import { emptyCheck } from './empty-check.js';
import { failureModeWithoutFault } from './failure-mode-without-fault.js';
import { failureModeWithoutObservable } from './failure-mode-without-observable.js';
import { implicitId } from './implicit-id.js';
import { inconsistentNumber } from './inconsistent-number.js';
import { inputWithoutType } from './input-without-type.js';
import { limitWithoutOverflowBehaviour } from './limit-without-overflow-behaviour.js';
import { missingOrEmptySection } from './missing-or-empty-section.js';
import { notExecutableCriterion } from './not-executable-criterion.js';
import { numberWithoutUnit } from './number-without-unit.js';
import { outOfScopeTested } from './out-of-scope-tested.js';
import { outputWithoutErrorShape } from './output-without-error-shape.js';
import { rateLimitQuestions } from './rate-limit-questions.js';
import { retryWithoutIdempotency } from './retry-without-idempotency.js';
import { sectionOrder } from './section-order.js';
import { uncheckedConstraint } from './unchecked-constraint.js';
import { vagueProse } from './vague-prose.js';
import { writeWithoutConcurrencyStatement } from './write-without-concurrency-statement.js';

/** Rules about the spec's shape: sections, criteria, checks. */
export const structuralRules: readonly LintRule[] = [
  emptyAcceptance,
  sectionOrder,
  notExecutableCriterion,
  emptyCheck,
  implicitId,
];

/** Rules that ask a reviewer's questions of the prose, before any code exists. */
export const critiqueRules: readonly LintRule[] = [
  missingOrEmptySection,
  dependencyWithoutFailureMode,
  failureModeWithoutObservable,
  failureModeWithoutFault,
  vagueProse,
  numberWithoutUnit,
  limitWithoutOverflowBehaviour,
  inconsistentNumber,
  uncheckedConstraint,
  outOfScopeTested,
  inputWithoutType,
  outputWithoutErrorShape,
  writeWithoutConcurrencyStatement,
  retryWithoutIdempotency,
  rateLimitQuestions,
];

/** Every rule, in the order their diagnostics are reported. */
export const allRules: readonly LintRule[] = [...structuralRules, ...critiqueRules];
