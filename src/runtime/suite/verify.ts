/**
 * `verify`: runs a criterion once, or as a fast-check property over its
 * `forAll` values, and turns a failure into the report of
 * docs/decisions/0001-architecture.md.
 */
import { createHash, randomInt } from 'node:crypto';
import fc from 'fast-check';
import type { Check, Criterion } from '../../ir.js';
import { forAllArbitrary } from '../arbitraries/index.js';
import { formatFailureReport } from '../failure/index.js';
import type { PropertyOutcome } from '../failure/index.js';
import { createTempDir, removeTempDir } from '../process/index.js';
import type { StepEnvironment } from '../steps/index.js';
import type { SuiteEnvironment } from './environment.js';
import type { Knobs } from './knobs.js';
import { runCheck } from './run.js';
import type { RunOutcome } from './run.js';

export interface SuiteIdentity {
  file: string;
}

/** Per-run seed for toxicity and random instances: a function of the property seed and the values, so a replay repeats it. */
function runSeed(seed: number, values: Record<string, unknown>): number {
  const digest = createHash('sha256')
    .update(`${seed}:${JSON.stringify(values)}`)
    .digest();
  return digest.readUInt32BE(0);
}

async function stepEnvironment(suite: SuiteEnvironment, check: Check): Promise<StepEnvironment> {
  const services = await suite.startServices();
  const acquired = await suite.acquireTarget(check);
  return {
    config: suite.config,
    targetConfig: suite.targetConfig,
    target: acquired.target,
    runCli: acquired.runCli,
    cliConfig: suite.targetConfig.kind === 'cli' ? suite.targetConfig : undefined,
    services,
    targetEnv: acquired.env,
  };
}

/** One run in a fresh scratch directory; a stale target is replaced before the next run. */
async function runOnce(
  suite: SuiteEnvironment,
  criterion: Criterion & { check: Check },
  values: Record<string, unknown>,
  seed: number,
): Promise<RunOutcome> {
  const env = await stepEnvironment(suite, criterion.check);
  const scratchDir = await createTempDir('run');
  try {
    const outcome = await runCheck(env, criterion, values, { seed, scratchDir });
    if (outcome.targetStale) suite.markTargetStale();
    return outcome;
  } finally {
    await removeTempDir(scratchDir);
  }
}

function failure(
  suite: SuiteEnvironment,
  identity: SuiteIdentity,
  criterion: Criterion,
  outcome: RunOutcome,
  seed: number,
  property?: PropertyOutcome,
): Error {
  const message = formatFailureReport({
    specFile: identity.file,
    criterion,
    error: outcome.error,
    property,
    seed,
    history: outcome.history.entries,
    startedAt: outcome.history.startedAt,
    logs: outcome.logs,
    target: suite.targetConfig.kind === 'command' ? suite.targetConfig.command : suite.targetConfig.kind,
    targetOverride: suite.targetOverride,
  });
  const error = new Error(message);
  // The report already holds what matters; vitest's stack of runtime frames would only bury it.
  error.stack = message;
  return error;
}

export async function verifyCriterion(
  suite: SuiteEnvironment,
  identity: SuiteIdentity,
  criterion: Criterion,
  knobs: Knobs,
): Promise<void> {
  const check = criterion.check;
  if (!check) throw new Error(`${criterion.id} has no executable check (no yaml block)`);
  const executable = { ...criterion, check };
  const seed = knobs.seed ?? randomInt(0, 2 ** 31 - 1);

  if (!check.forAll || Object.keys(check.forAll).length === 0) {
    const outcome = await runOnce(suite, executable, {}, seed);
    if (outcome.error !== undefined) throw failure(suite, identity, criterion, outcome, seed);
    return;
  }

  const numRuns = knobs.runs ?? check.runs ?? suite.config.runs;
  const timeout = check.timeout ?? suite.config.timeout;
  let firstFailureAt: number | undefined;
  let lastFailure: { outcome: RunOutcome; values: Record<string, unknown> } | undefined;
  let shrinkingInterrupted = false;
  const property = fc.asyncProperty(forAllArbitrary(check.forAll), async (values) => {
    // Shrinking past its budget: skip candidates (fast-check treats them as not failing) so the property ends.
    if (firstFailureAt !== undefined && Date.now() - firstFailureAt > knobs.shrinkBudgetMs) {
      shrinkingInterrupted = true;
      fc.pre(false);
    }
    const outcome = await runOnce(suite, executable, values, runSeed(seed, values));
    if (outcome.error !== undefined) {
      firstFailureAt ??= Date.now();
      lastFailure = { outcome, values };
      throw outcome.error;
    }
  });
  const details = await fc.check(property, {
    numRuns,
    seed,
    path: knobs.path,
    endOnFailure: false,
    interruptAfterTimeLimit: numRuns * timeout + knobs.shrinkBudgetMs,
    markInterruptAsFailure: false,
  });
  if (!details.failed) return;
  if (!lastFailure)
    throw details.errorInstance ?? new Error(`${criterion.id}: property failed without a failing run`);
  throw failure(suite, identity, criterion, lastFailure.outcome, seed, {
    counterexample: details.counterexample?.[0] ?? lastFailure.values,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    runs: details.numRuns,
    shrinks: details.numShrinks,
    shrinkingInterrupted,
  });
}
