/**
 * How strong a spec is: the report of `specgate strength`. Implementations that are wrong on purpose
 * (Stryker's mutants of a reference, or a directory of known-bad variants) are judged by the compiled
 * suite; each one a criterion fails is killed, each one every criterion passes survived and asks the
 * spec a question. schema/specgate-strength.schema.json publishes the JSON form.
 */

export const STRENGTH_SCHEMA_VERSION = 1;

/**
 * - killed: a criterion failed against it.
 * - timeout: the suite did not finish within its time (Stryker's rule: counts as killed).
 * - survived: every criterion that ran passed.
 * - no-coverage: no criterion reaches its code (counts as survived).
 * - error: it could not be judged (it does not compile, the suite could not start); not in the score.
 * - not-run: left out by `--max-mutants` or the time budget; not in the score.
 */
export type WrongStatus = 'killed' | 'timeout' | 'survived' | 'no-coverage' | 'error' | 'not-run';

export interface StrengthReport {
  schemaVersion: typeof STRENGTH_SCHEMA_VERSION;
  tool: { name: 'specgate'; version: string };
  createdAt: string;
  durationMs: number;
  /** `mutants`: Stryker's mutants of a JS/TS implementation; `variants`: a directory of known-bad implementations. */
  mode: 'mutants' | 'variants';
  specs: string[];
  /** The implementation mutated (mutants mode), when not the specs' own target. */
  target?: string;
  /** The `--mutate` patterns, `--since` ref and bounds the run used. */
  settings: StrengthSettings;
  score: Score;
  /** One row per criterion of the specs, with the wrong implementations it killed. */
  criteria: CriterionStrength[];
  wrong: WrongImplementation[];
}

export interface StrengthSettings {
  mutate?: string[];
  since?: string;
  maxMutants?: number;
  budgetMs?: number;
  concurrency: number;
  variants?: string;
}

/**
 * killed (timeouts included) / (killed + survived); `ratio` null when nothing was judged.
 * `possiblyEquivalent` counts the survivors that may be equivalent mutants (no test can tell them apart):
 * they are in `survived`, never hidden.
 */
export interface Score {
  judged: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  errors: number;
  notRun: number;
  ratio: number | null;
}

export interface CriterionStrength {
  /** `specs/rate-limit.md#AC-1`. */
  key: string;
  spec: string;
  id: string;
  title: string;
  line: number;
  /** Ids of the wrong implementations this criterion failed against. */
  kills: string[];
}

export interface WrongImplementation {
  /** Stryker's mutant id, or the variant's file name. */
  id: string;
  status: WrongStatus;
  /** The criterion keys that failed against it (bail: the first one). */
  killedBy: string[];
  /** Mutants: the file and place mutated. Variants: the variant file. */
  file: string;
  line?: number;
  column?: number;
  /** Mutants: Stryker's mutator, the original and the replacement, as a unified diff. */
  mutator?: string;
  original?: string;
  replacement?: string;
  diff?: string;
  /** Variants: the command that ran it. */
  command?: string;
  /** Survivors: the question the mutant raises for the spec. */
  question?: string;
  /** Survivors whose change may not be observable at all (an equivalent mutant), and why. */
  possiblyEquivalent?: string;
  /** Why it was not run, or could not be judged, or how it was killed. */
  reason?: string;
  durationMs?: number;
}
