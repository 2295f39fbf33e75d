/**
 * How the report renderings (JUnit XML, Markdown, HTML) word and clean what they show, so a value
 * reads the same in every format. Pure helpers; each rendering still escapes for its own format.
 */
import type {
  Coverage,
  CriterionReport,
  FailureEvidence,
  Problem,
  RunReport,
  SectionReport,
  SpecReport,
  Totals,
  Verdict,
} from './model.js';

/* ----------------------------------------------------------------- verdicts */

/** A verdict as a reader sees it: words, not the model's identifiers (`not-executable`). */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  passed: 'passed',
  failed: 'failed',
  'not-executable': 'not executable',
  skipped: 'skipped',
};

/** The verdicts in the order every rendering lists them, each with its count's key in Totals. */
export const VERDICT_COUNTS: ReadonlyArray<{ verdict: Verdict; key: Exclude<keyof Totals, 'criteria'> }> = [
  { verdict: 'passed', key: 'passed' },
  { verdict: 'failed', key: 'failed' },
  { verdict: 'not-executable', key: 'notExecutable' },
  { verdict: 'skipped', key: 'skipped' },
];

/** A criterion with the spec and section it belongs to, as renderings that list across specs need it. */
export interface LocatedCriterion {
  spec: SpecReport;
  section: SectionReport;
  criterion: CriterionReport;
}

/** Every criterion of the report, in spec, section and document order. */
export function locatedCriteria(report: RunReport): LocatedCriterion[] {
  return report.specs.flatMap((spec) =>
    spec.sections.flatMap((section) => section.criteria.map((criterion) => ({ spec, section, criterion }))),
  );
}

/* ---------------------------------------------------------------- figures */

/**
 * Executable criteria as a percent of all, rounded down from the integer counts so that anything
 * short of all never reads as 100%; null when there are no criteria.
 */
export function coveragePercent({ executable, total }: Coverage, decimals: 0 | 1): number | null {
  if (total === 0) return null;
  const scale = 10 ** decimals;
  return Math.floor((executable * 100 * scale) / total) / scale;
}

/** A share given as a setting (the gate's threshold), to one decimal, e.g. `80%` or `66.7%`. */
export function percentOf(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Where a problem is, `file:line:column` (column 1 when only the line is known); undefined when nowhere. */
export function problemPlace(problem: Problem): string | undefined {
  if (problem.file === undefined) return undefined;
  if (problem.line === undefined) return problem.file;
  return `${problem.file}:${problem.line}:${problem.column ?? 1}`;
}

/* ---------------------------------------------------------------- evidence */

/**
 * The facts of a failing run (seed, path, runs, shrinks), each worded once; `literal` marks up the
 * values a reader may copy (a code span in Markdown).
 */
export function runFacts(evidence: FailureEvidence, literal: (text: string) => string = String): string[] {
  return [
    evidence.seed !== undefined ? `seed ${literal(String(evidence.seed))}` : undefined,
    evidence.path !== undefined ? `path ${literal(evidence.path)}` : undefined,
    evidence.runs !== undefined ? counted(evidence.runs, 'run') : undefined,
    evidence.shrinks !== undefined
      ? `${counted(evidence.shrinks, 'shrink')}${evidence.shrinkingInterrupted ? ' (interrupted)' : ''}`
      : undefined,
  ].filter((fact) => fact !== undefined);
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The evidence that comes as lines, with the heading text renderings give it. */
export function evidenceLists(
  evidence: FailureEvidence,
): ReadonlyArray<readonly [string, readonly string[]]> {
  return [
    ['Faults', evidence.faults],
    ['Transcript', evidence.transcript],
    ['Logs', evidence.logs],
  ];
}

/** A counterexample as indented JSON; one that JSON cannot hold (a cycle, a BigInt) as String() has it. */
export function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    // Cannot come from a JSON report, but evidence may be built in memory.
    return String(value);
  }
}

/* -------------------------------------------------------------- characters */

/* eslint-disable no-control-regex -- matching control characters is the point */

/** ANSI escape sequences (colors, cursor moves) from terminal logs: noise outside a terminal. */
const ANSI_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

/* eslint-enable no-control-regex */

/**
 * Terminal output made plain text: ANSI sequences and what the format cannot show (`unwanted`, a
 * global pattern) removed, every line end a `\n`.
 */
export function plainText(text: string, unwanted: RegExp): string {
  return text.replace(ANSI_SEQUENCE, '').replace(unwanted, '').replace(/\r\n?/g, '\n');
}
