/**
 * The report of a run: every criterion of every spec traced to a verdict.
 * One model, four renderings (JSON, JUnit XML, Markdown, HTML).
 * schema/specgate-report.schema.json publishes the JSON form; a test validates real reports against it.
 */
import type { SectionKind } from '../ir.js';
import type { FailureEvidence } from '../runtime/failure/evidence.js';

export type { FailureEvidence };

export const REPORT_SCHEMA_VERSION = 1;

/**
 * - passed: every run of an executable criterion held.
 * - failed: a run broke it (or its suite could not run it: target never ready, service missing).
 * - not-executable: the criterion has no yaml block; the compiler cannot judge it.
 * - skipped: executable, but not run here (not selected, drifted suite, another shard); `reason` says why.
 * Only `passed` ever counts as passed.
 */
export type Verdict = 'passed' | 'failed' | 'not-executable' | 'skipped';

export interface RunReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'specgate'; version: string };
  /** ISO time the report was made. */
  createdAt: string;
  /** Wall time of the test run (the sum of the shards' for a merged report). */
  durationMs: number;
  /** Which shard this report covers; absent for whole runs and merged reports. */
  shard?: { index: number; count: number };
  /** `--target` when the run judged another implementation than the specs name. */
  target?: string;
  gate: Gate;
  totals: Totals;
  coverage: Coverage;
  specs: SpecReport[];
  /** What failed the gate besides verdicts: drift, lint errors, errors outside any criterion. */
  problems: Problem[];
  /** The vacuity check (absent with `--no-vacuity`, for merged shards, and when nothing ran). */
  vacuity?: VacuityReport;
}

/**
 * Criteria that passed against a built-in wrong implementation (a server answering 200 `{}` or 500 to
 * everything or never answering, a CLI exiting 0 or 1 silently): they check nothing it lacks.
 * A lint-level finding; with `strict` each one fails the gate (reason kind `vacuous`).
 */
export interface VacuityReport {
  strict: boolean;
  /** The wrong implementations each spec was judged against, by spec file. */
  judged: Record<string, string[]>;
  findings: VacuityFinding[];
  durationMs: number;
}

export interface VacuityFinding {
  /** `specs/x.md#AC-1`. */
  key: string;
  file: string;
  line: number;
  criterion: string;
  /** The built-in wrong implementation it passed against, e.g. `http-200-empty`. */
  implementation: string;
  message: string;
}

export interface Gate {
  passed: boolean;
  /** Every reason the gate failed, in order; empty when it passed. */
  reasons: GateReason[];
  /** The smallest executable share allowed (1 with --require-executable); absent when not-executable criteria only count. */
  minExecutable?: number;
}

/**
 * Why a gate failed. The kind lets a renderer tell which reasons other parts of the report already show
 * (failed criteria by their own verdicts, problems by their entries) without reading the sentence.
 * - failed: criteria failed.
 * - skipped: executable criteria did not run.
 * - coverage: the executable share is below `minExecutable`.
 * - no-criteria: nothing was judged.
 * - problem: one per `RunReport.problems` entry, in the same order.
 * - vacuous: with `--strict`, criteria passed against a built-in wrong implementation (`RunReport.vacuity`).
 */
export type GateReasonKind = 'failed' | 'skipped' | 'coverage' | 'no-criteria' | 'problem' | 'vacuous';

export interface GateReason {
  kind: GateReasonKind;
  /** One sentence for the reader, e.g. `1 criterion failed: specs/greet.md AC-1`. */
  message: string;
}

export interface Totals {
  criteria: number;
  passed: number;
  failed: number;
  notExecutable: number;
  skipped: number;
}

/**
 * Executable criteria that are evidence of their prose / all criteria; `ratio` is null when there
 * are no criteria. `unchecked` executable criteria (see `CriterionReport.unchecked`) are not counted.
 */
export interface Coverage {
  executable: number;
  unchecked: number;
  total: number;
  ratio: number | null;
}

export interface SpecReport {
  /** e.g. `specs/rate-limit.md`. */
  file: string;
  name: string;
  title: string;
  sha256: string;
  /** e.g. `generated/rate-limit.test.ts`. */
  suite: string;
  totals: Totals;
  coverage: Coverage;
  /** Titles of contract sections (Constraints, Failure Modes, Acceptance) that hold no criterion. */
  sectionsWithoutCriteria: string[];
  sections: SectionReport[];
}

export interface SectionReport {
  kind: SectionKind;
  title: string;
  criteria: CriterionReport[];
}

export interface CriterionReport {
  id: string;
  name?: string;
  /** The test title: `AC-1 free-limit: prose`. */
  title: string;
  prose: string;
  /** Where the criterion is written. */
  file: string;
  line: number;
  column: number;
  verdict: Verdict;
  /** Why it was skipped or is not executable. */
  reason?: string;
  /**
   * Why a criterion that ran is no evidence of its prose (a failure mode that breaks nothing: lint
   * rule SG6019). Its verdict stands, but coverage counts it as unchecked, never as covered.
   */
  unchecked?: string;
  durationMs?: number;
  /** Runs that held, and their seed, for passed criteria. */
  runs?: number;
  seed?: number;
  failure?: FailureEvidence;
}

export type ProblemKind = 'drift' | 'lint' | 'error';

export interface Problem {
  kind: ProblemKind;
  /** Relative path the problem is in, with line and column when known. */
  file?: string;
  line?: number;
  column?: number;
  /** Diagnostic code (SG…) for lint problems. */
  code?: string;
  message: string;
}
