/**
 * Traces every criterion of every spec to a verdict: joins the specs' criteria with the outcomes of
 * their generated tests. Pure: the CLI gathers outcomes from vitest, drift and lint, and passes them in.
 */
import { SECTION_TITLES } from '../ir.js';
import type { Criterion, SectionKind, Spec } from '../ir.js';
import { criteriaBySection, criterionTitle, generatedPathFor } from '../compile/index.js';
import type { FailureEvidence, VerdictMeta } from '../runtime/failure/evidence.js';
import { shellCommand } from '../runtime/failure/shell-quote.js';
import { REPORT_SCHEMA_VERSION } from './model.js';
import { coveragePercent, percentOf } from './text.js';
import { unprovenFailureMode } from '../lint/fault-evidence.js';
import type {
  Coverage,
  CriterionReport,
  Gate,
  GateReason,
  Problem,
  RunReport,
  SpecReport,
  Totals,
  VacuityReport,
} from './model.js';

/** One generated test as vitest reported it, reduced to what a verdict needs. */
export interface TestOutcome {
  /** The test title (a criterion title). */
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** vitest's mode: `todo` and `skip` tests are skipped by definition. */
  mode: string;
  /** The note of `ctx.skip(note)`. */
  note?: string;
  durationMs?: number;
  /** What the runtime recorded (meta.specgate). */
  meta?: VerdictMeta;
  /** Error messages vitest collected for the test. */
  errors: string[];
}

/** The outcome of one generated suite file. */
export interface SuiteOutcome {
  /** Relative path, e.g. `generated/rate-limit.test.ts`. */
  suite: string;
  tests: TestOutcome[];
  /** Errors of the file itself: an import or a hook failed. */
  errors: string[];
}

export interface ReportInput {
  /** The specs this report covers, in order. */
  specs: readonly Spec[];
  outcomes: readonly SuiteOutcome[];
  /** Suites deliberately not run (drifted, missing), with the reason their criteria were skipped. */
  notRun?: ReadonlyMap<string, string>;
  /** Why tests vitest skipped were not selected, e.g. `not selected: --criterion AC-2`. */
  selectionReason?: string;
  problems?: readonly Problem[];
  /** Smallest executable share that passes the gate; undefined: not-executable criteria only count. */
  minExecutable?: number;
  version: string;
  createdAt: Date;
  durationMs: number;
  shard?: { index: number; count: number };
  target?: string;
  vacuity?: VacuityReport;
}

/** Contract sections a spec should fill with criteria. */
const CONTRACT_SECTIONS: readonly SectionKind[] = ['constraints', 'failure-modes', 'acceptance'];

const NOT_EXECUTABLE_REASON = 'no yaml block: the criterion is prose only, so the compiler cannot execute it';

export function buildReport(input: ReportInput): RunReport {
  const outcomes = new Map(input.outcomes.map((outcome) => [outcome.suite, outcome]));
  const specs = input.specs.map((spec) => reportSpec(spec, outcomes, input));
  const totals = sumTotals(specs.map((spec) => spec.totals));
  const coverage = coverageOf(
    specs.reduce((sum, spec) => sum + spec.coverage.executable, 0),
    specs.reduce((sum, spec) => sum + spec.coverage.unchecked, 0),
    totals.criteria,
  );
  // Errors of a suite file itself (a hook that threw: the target did not stop) fail the gate even when
  // every test passed.
  const problems = [
    ...(input.problems ?? []),
    ...input.outcomes.flatMap((outcome) =>
      outcome.errors.map((message): Problem => ({ kind: 'error', file: outcome.suite, message })),
    ),
  ];
  const report: RunReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'specgate', version: input.version },
    createdAt: input.createdAt.toISOString(),
    durationMs: Math.max(0, input.durationMs),
    ...(input.shard ? { shard: input.shard } : {}),
    ...(input.target !== undefined ? { target: input.target } : {}),
    gate: { passed: true, reasons: [] },
    totals,
    coverage,
    specs,
    problems,
    ...(input.vacuity ? { vacuity: input.vacuity } : {}),
  };
  report.gate = judgeGate(report, input.minExecutable);
  return report;
}

function reportSpec(spec: Spec, outcomes: ReadonlyMap<string, SuiteOutcome>, input: ReportInput): SpecReport {
  const suite = generatedPathFor(spec);
  const outcome = outcomes.get(suite);
  const notRunReason = input.notRun?.get(suite);
  const sections = criteriaBySection(spec).map(({ kind, criteria }) => ({
    kind,
    title: SECTION_TITLES[kind],
    criteria: criteria.map((criterion) => {
      const judged = judgeCriterion(spec, criterion, {
        suite,
        outcome,
        notRunReason,
        selectionReason: input.selectionReason,
      });
      const unproven = unprovenFailureMode(spec, criterion);
      return unproven ? { ...judged, unchecked: unproven.reason } : judged;
    }),
  }));
  const criteria = sections.flatMap((section) => section.criteria);
  const present = new Set(sections.map((section) => section.kind));
  return {
    file: spec.file,
    name: spec.name,
    title: spec.title,
    sha256: spec.sha256,
    suite,
    totals: countVerdicts(criteria),
    coverage: coverageOf(
      criteria.filter(
        (criterion) => criterion.verdict !== 'not-executable' && criterion.unchecked === undefined,
      ).length,
      criteria.filter((criterion) => criterion.unchecked !== undefined).length,
      criteria.length,
    ),
    sectionsWithoutCriteria: CONTRACT_SECTIONS.filter((kind) => !present.has(kind)).map(
      (kind) => SECTION_TITLES[kind],
    ),
    sections,
  };
}

interface SuiteContext {
  suite: string;
  outcome?: SuiteOutcome;
  notRunReason?: string;
  selectionReason?: string;
}

function judgeCriterion(spec: Spec, criterion: Criterion, context: SuiteContext): CriterionReport {
  const title = criterionTitle(criterion);
  const base: CriterionReport = {
    id: criterion.id,
    ...(criterion.name !== undefined ? { name: criterion.name } : {}),
    title,
    prose: criterion.prose,
    file: spec.file,
    line: criterion.place.start.line,
    column: criterion.place.start.column,
    verdict: 'skipped',
  };
  if (!criterion.check) return { ...base, verdict: 'not-executable', reason: NOT_EXECUTABLE_REASON };
  if (context.notRunReason !== undefined) return { ...base, reason: context.notRunReason };
  if (!context.outcome) return { ...base, reason: `not run: ${context.suite} was not part of this run` };

  const test = context.outcome.tests.find((candidate) => candidate.name === title);
  if (!test) {
    // A suite whose file failed to load has no tests at all: its criteria failed, they were not skipped.
    if (context.outcome.errors.length > 0) {
      return {
        ...base,
        verdict: 'failed',
        failure: bareEvidence(spec, criterion, context.outcome.errors.join('\n\n')),
      };
    }
    return { ...base, reason: `not run: ${context.suite} has no test titled "${title}"` };
  }

  const timing = test.durationMs !== undefined ? { durationMs: Math.max(0, test.durationMs) } : {};
  switch (test.state) {
    case 'passed':
      if (test.meta?.outcome === 'passed')
        return { ...base, ...timing, verdict: 'passed', runs: test.meta.runs, seed: test.meta.seed };
      // Only the runtime's own verdict counts: a test that passed without judging anything proves nothing.
      return {
        ...base,
        ...timing,
        verdict: 'failed',
        failure: bareEvidence(
          spec,
          criterion,
          `the test passed without the specgate runtime judging ${criterion.id}: was ${context.suite} edited by hand?`,
        ),
      };
    case 'failed':
      return {
        ...base,
        ...timing,
        verdict: 'failed',
        failure:
          test.meta?.outcome === 'failed'
            ? test.meta.evidence
            : bareEvidence(
                spec,
                criterion,
                test.errors.join('\n\n') || 'the test failed without an error message',
              ),
      };
    case 'skipped':
      // vitest skips every test of a file whose beforeAll failed (a bad --target): they failed, not skipped.
      if (test.mode !== 'todo' && test.note === undefined && context.outcome.errors.length > 0) {
        return {
          ...base,
          verdict: 'failed',
          failure: bareEvidence(spec, criterion, context.outcome.errors.join('\n\n')),
        };
      }
      return { ...base, reason: skipReason(test, context) };
    case 'pending':
      return { ...base, reason: 'not finished: the run was interrupted' };
  }
}

function skipReason(test: TestOutcome, context: SuiteContext): string {
  if (test.note) return `skipped: ${test.note}`;
  if (test.mode === 'todo')
    return `${context.suite} marks it as a todo: recompile it with \`specgate compile\``;
  return context.selectionReason ?? 'skipped by vitest (not selected in this run)';
}

/** Evidence of a failure that happened outside the runtime's runs: the message and how to replay. */
function bareEvidence(spec: Spec, criterion: Criterion, message: string): FailureEvidence {
  return {
    message,
    faults: [],
    transcript: [],
    logs: [],
    replay: shellCommand(['specgate', 'test', spec.file, '--criterion', criterion.id]),
  };
}

function judgeGate(report: RunReport, minExecutable: number | undefined): Gate {
  const reasons: GateReason[] = [];
  const criteria = report.specs.flatMap((spec) =>
    spec.sections.flatMap((section) => section.criteria.map((criterion) => ({ spec, criterion }))),
  );
  const named = (verdict: string): string[] =>
    criteria
      .filter(({ criterion }) => criterion.verdict === verdict)
      .map(({ spec, criterion }) => `${spec.file} ${criterion.id}`);

  if (criteria.length === 0) reasons.push({ kind: 'no-criteria', message: 'no criteria were judged' });
  const failed = named('failed');
  if (failed.length > 0) {
    reasons.push({
      kind: 'failed',
      message: `${plural(failed.length, 'criterion')} failed: ${list(failed)}`,
    });
  }
  const skipped = named('skipped');
  if (skipped.length > 0) {
    reasons.push({
      kind: 'skipped',
      message: `${plural(skipped.length, 'executable criterion')} did not run: ${list(skipped)}`,
    });
  }
  const ratio = report.coverage.ratio;
  if (minExecutable !== undefined && ratio !== null && ratio < minExecutable) {
    reasons.push({
      kind: 'coverage',
      message: `spec coverage ${coveragePercent(report.coverage, 1)}% (${report.coverage.executable}/${report.coverage.total} executable) is below the required ${percentOf(minExecutable)}: ${list(named('not-executable'))} not executable`,
    });
  }
  for (const problem of report.problems) reasons.push({ kind: 'problem', message: describeProblem(problem) });
  const vacuous = report.vacuity?.strict ? report.vacuity.findings : [];
  if (vacuous.length > 0) {
    reasons.push({
      kind: 'vacuous',
      message: `${plural(new Set(vacuous.map((finding) => finding.key)).size, 'criterion')} passed against a wrong implementation (--strict): ${list(
        vacuous.map((finding) => `${finding.file} ${finding.criterion} (${finding.implementation})`),
      )}`,
    });
  }
  return { passed: reasons.length === 0, reasons, ...(minExecutable !== undefined ? { minExecutable } : {}) };
}

export function describeProblem(problem: Problem): string {
  const place =
    problem.file === undefined
      ? ''
      : `${problem.file}${problem.line !== undefined ? `:${problem.line}:${problem.column ?? 1}` : ''}: `;
  const code = problem.code !== undefined ? ` (${problem.code})` : '';
  return `${problem.kind === 'drift' ? 'drift' : problem.kind === 'lint' ? 'lint error' : 'error'}: ${place}${problem.message}${code}`;
}

function countVerdicts(criteria: readonly CriterionReport[]): Totals {
  const count = (verdict: string): number =>
    criteria.filter((criterion) => criterion.verdict === verdict).length;
  return {
    criteria: criteria.length,
    passed: count('passed'),
    failed: count('failed'),
    notExecutable: count('not-executable'),
    skipped: count('skipped'),
  };
}

export function sumTotals(all: readonly Totals[]): Totals {
  return all.reduce(
    (sum, totals) => ({
      criteria: sum.criteria + totals.criteria,
      passed: sum.passed + totals.passed,
      failed: sum.failed + totals.failed,
      notExecutable: sum.notExecutable + totals.notExecutable,
      skipped: sum.skipped + totals.skipped,
    }),
    { criteria: 0, passed: 0, failed: 0, notExecutable: 0, skipped: 0 },
  );
}

function coverageOf(executable: number, unchecked: number, total: number): Coverage {
  return { executable, unchecked, total, ratio: total === 0 ? null : executable / total };
}

function plural(count: number, noun: string): string {
  if (count === 1) return `1 ${noun}`;
  return `${count} ${noun.endsWith('criterion') ? `${noun.slice(0, -'criterion'.length)}criteria` : `${noun}s`}`;
}

function list(items: readonly string[], max = 10): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
