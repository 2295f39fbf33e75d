/**
 * A StrykerJS test-runner plugin (`testRunner: 'specgate'`) that judges each mutant with the compiled
 * suite. Stryker instruments the implementation in its sandbox and tells which mutant is active; the
 * plugin runs `specgate ci --bail` there with `__STRYKER_ACTIVE_MUTANT__` in the env, which the target
 * process inherits, and reports the first failing criterion as the mutant's killer.
 *
 * The suite judges a server in another process, so Stryker cannot see coverage per criterion: every
 * mutant runs the suite until its first failure (`coverageAnalysis: 'off'`).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { DryRunStatus, MutantRunStatus, TestStatus } from '@stryker-mutator/api/test-runner';
import type {
  DryRunResult,
  MutantRunOptions,
  MutantRunResult,
  TestResult,
  TestRunner,
  TestRunnerCapabilities,
} from '@stryker-mutator/api/test-runner';
import { judge } from './judge.js';
import type { CriterionVerdict } from './judge.js';

/** What `specgate strength` tells its plugin instances (each Stryker worker is its own process). */
export interface StrengthRunSettings {
  specs: string[];
  target?: string;
  /** Where workers claim mutant slots (one directory each), so `maxMutants` holds across workers. */
  budgetDir: string;
  maxMutants?: number;
  /** Epoch ms after which no mutant starts. */
  deadline?: number;
}

export const SETTINGS_ENV = 'SPECGATE_STRENGTH_SETTINGS';
/** The message of a mutant the budget left out; the report reads it back as `not-run`. */
export const NOT_RUN_PREFIX = 'specgate: not run: ';
const ACTIVE_MUTANT_ENV = '__STRYKER_ACTIVE_MUTANT__';

function settings(): StrengthRunSettings {
  const text = process.env[SETTINGS_ENV];
  if (!text)
    throw new Error(`${SETTINGS_ENV} is not set: the specgate test runner runs under \`specgate strength\``);
  return JSON.parse(text) as StrengthRunSettings;
}

function testResults(verdicts: readonly CriterionVerdict[]): TestResult[] {
  return verdicts.flatMap((verdict): TestResult[] => {
    const base = {
      id: verdict.key,
      name: `${verdict.key} ${verdict.title}`,
      timeSpentMs: 0,
      fileName: verdict.spec,
    };
    if (verdict.verdict === 'passed') return [{ ...base, status: TestStatus.Success }];
    if (verdict.verdict === 'failed')
      return [{ ...base, status: TestStatus.Failed, failureMessage: verdict.message ?? 'failed' }];
    if (verdict.verdict === 'skipped') return [{ ...base, status: TestStatus.Skipped }];
    return [];
  });
}

/** Claims one of `max` slots; false when all are taken. mkdir is atomic across processes. */
function claimSlot(dir: string, max: number): boolean {
  for (let slot = 0; slot < max; slot++) {
    try {
      mkdirSync(join(dir, String(slot)));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return false;
}

export class SpecgateTestRunner implements TestRunner {
  static inject = [] as const;
  private readonly settings = settings();

  capabilities(): TestRunnerCapabilities {
    // Every run is a fresh `specgate ci` process, and so a fresh target.
    return { reloadEnvironment: true };
  }

  async dryRun(): Promise<DryRunResult> {
    const judgement = await judge({
      root: process.cwd(),
      specs: this.settings.specs,
      bail: false,
      ...this.target(),
    });
    if (judgement.kind === 'timeout') return { status: DryRunStatus.Timeout };
    if (judgement.kind === 'error') return { status: DryRunStatus.Error, errorMessage: judgement.message };
    return { status: DryRunStatus.Complete, tests: testResults(judgement.verdicts) };
  }

  async mutantRun(options: MutantRunOptions): Promise<MutantRunResult> {
    const { maxMutants, deadline, budgetDir } = this.settings;
    if (deadline !== undefined && Date.now() >= deadline)
      return { status: MutantRunStatus.Error, errorMessage: `${NOT_RUN_PREFIX}the time budget was spent` };
    if (maxMutants !== undefined && !claimSlot(budgetDir, maxMutants))
      return {
        status: MutantRunStatus.Error,
        errorMessage: `${NOT_RUN_PREFIX}--max-mutants ${maxMutants} were run`,
      };
    const judgement = await judge({
      root: process.cwd(),
      specs: this.settings.specs,
      bail: true,
      env: { [ACTIVE_MUTANT_ENV]: options.activeMutant.id },
      timeoutMs: options.timeout,
      ...this.target(),
    });
    if (judgement.kind === 'timeout')
      return { status: MutantRunStatus.Timeout, reason: `no verdict within ${options.timeout} ms` };
    if (judgement.kind === 'error') return { status: MutantRunStatus.Error, errorMessage: judgement.message };
    const failed = judgement.verdicts.filter((verdict) => verdict.verdict === 'failed');
    const ran = judgement.verdicts.filter(
      (verdict) => verdict.verdict === 'passed' || verdict.verdict === 'failed',
    );
    if (failed.length === 0) return { status: MutantRunStatus.Survived, nrOfTests: ran.length };
    return {
      status: MutantRunStatus.Killed,
      killedBy: failed.map((verdict) => verdict.key),
      failureMessage: failed[0]!.message ?? 'failed',
      nrOfTests: ran.length,
    };
  }

  private target(): { target?: string } {
    return this.settings.target !== undefined ? { target: this.settings.target } : {};
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'specgate', SpecgateTestRunner)];
