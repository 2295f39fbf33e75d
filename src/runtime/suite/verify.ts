/**
 * `verify`: runs a criterion once, or as a fast-check property over its
 * `forAll` values, and turns a failure into the report of
 * docs/decisions/0001-architecture.md.
 */
import { createHash, randomInt } from 'node:crypto';
import fc from 'fast-check';
import { TestRunner } from 'vitest';
import type { Check, Criterion } from '../../ir.js';
import { forAllArbitrary, forAllEdges } from '../arbitraries/index.js';
import { buildFailureEvidence, formatFailureEvidence, replayCommand } from '../failure/index.js';
import type { FailureEvidence, PropertyOutcome, VerdictMeta } from '../failure/index.js';
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

/** How a report names the implementation judged. */
function describeTarget(suite: SuiteEnvironment): string {
  if (suite.targetOverride !== undefined) return suite.targetOverride;
  const target = suite.targetConfig;
  switch (target.kind) {
    case 'command':
    case 'cli':
      return target.command;
    case 'url':
      return target.url;
    case 'module':
      return `module:${target.module}#${target.export}`;
  }
}

/** A failed criterion: its evidence as data (for reporters) and as the message vitest prints. */
class CriterionFailure extends Error {
  constructor(
    criterion: Criterion,
    readonly evidence: FailureEvidence,
  ) {
    const message = formatFailureEvidence(criterion, evidence);
    super(message);
    // The report already holds what matters; vitest's stack of runtime frames would only bury it.
    this.stack = message;
  }
}

function failure(
  suite: SuiteEnvironment,
  identity: SuiteIdentity,
  criterion: Criterion,
  outcome: RunOutcome,
  seed: number,
  property?: PropertyOutcome,
): CriterionFailure {
  const evidence = buildFailureEvidence({
    specFile: identity.file,
    criterion,
    error: outcome.error,
    property,
    seed,
    history: outcome.history.entries,
    startedAt: outcome.history.startedAt,
    logs: outcome.logs,
    target: describeTarget(suite),
    targetOverride: suite.targetOverride,
  });
  return new CriterionFailure(criterion, evidence);
}

/**
 * An error outside any run (the target never became ready, a service binary is missing): still a failed
 * criterion with its message and replay command, so no report shows it without evidence.
 */
function failureOutsideRuns(
  suite: SuiteEnvironment,
  identity: SuiteIdentity,
  criterion: Criterion,
  error: unknown,
  seed: number,
): CriterionFailure {
  return new CriterionFailure(criterion, {
    message: error instanceof Error ? error.message : String(error),
    seed,
    faults: [],
    transcript: [],
    logs: [],
    target: describeTarget(suite),
    replay: replayCommand({ specFile: identity.file, criterion, seed, targetOverride: suite.targetOverride }),
  });
}

/** Records the verdict on the running vitest test (`meta.specgate`), where reporters and blob shards find it. */
function recordVerdict(meta: VerdictMeta): void {
  const test = TestRunner.getCurrentTest();
  if (test) test.meta.specgate = meta;
}

export async function verifyCriterion(
  suite: SuiteEnvironment,
  identity: SuiteIdentity,
  criterion: Criterion,
  knobs: Knobs,
): Promise<void> {
  const seed = knobs.seed ?? randomInt(0, 2 ** 31 - 1);
  try {
    const { runs, boundaries } = await judge(suite, identity, criterion, knobs, seed);
    recordVerdict({ outcome: 'passed', runs, seed, ...(boundaries.length > 0 ? { boundaries } : {}) });
  } catch (error) {
    const failed =
      error instanceof CriterionFailure ? error : failureOutsideRuns(suite, identity, criterion, error, seed);
    recordVerdict({ outcome: 'failed', evidence: failed.evidence });
    throw failed;
  }
}

/**
 * Runs the criterion; resolves with the number of runs that held and the edge values tried, throws a
 * CriterionFailure or any error. A property tries its generators' edges first (fast-check `examples`,
 * counted as runs and walked by `--path` like the random ones) and then `runs` random values.
 */
async function judge(
  suite: SuiteEnvironment,
  identity: SuiteIdentity,
  criterion: Criterion,
  knobs: Knobs,
  seed: number,
): Promise<{ runs: number; boundaries: string[] }> {
  const check = criterion.check;
  if (!check) throw new Error(`${criterion.id} has no executable check (no yaml block)`);
  const executable = { ...criterion, check };

  if (!check.forAll || Object.keys(check.forAll).length === 0) {
    const outcome = await runOnce(suite, executable, {}, seed);
    if (outcome.error !== undefined) throw failure(suite, identity, criterion, outcome, seed);
    return { runs: 1, boundaries: [] };
  }

  const edges = forAllEdges(check.forAll, seed);
  const numRuns = edges.values.length + (knobs.runs ?? check.runs ?? suite.config.runs);
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
    examples: edges.values.map((values) => [values]),
    path: knobs.path,
    endOnFailure: false,
    interruptAfterTimeLimit: numRuns * timeout + knobs.shrinkBudgetMs,
    markInterruptAsFailure: false,
  });
  if (!details.failed) return { runs: details.numRuns, boundaries: edges.tried };
  if (!lastFailure)
    throw details.errorInstance ?? new Error(`${criterion.id}: property failed without a failing run`);
  throw failure(suite, identity, criterion, lastFailure.outcome, seed, {
    counterexample: details.counterexample?.[0] ?? lastFailure.values,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    runs: details.numRuns,
    shrinks: details.numShrinks,
    shrinkingInterrupted,
    boundaries: edges.tried,
  });
}
