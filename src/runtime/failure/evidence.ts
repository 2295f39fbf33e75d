/**
 * The evidence of a criterion's verdict as data: what a report shows and the
 * failure message prints. The runtime attaches it to the vitest test's meta
 * (`meta.specgate`), so reporters, blob shards and merged runs carry it.
 */

/** Why a failed criterion failed, each part as display-ready text or JSON data. */
export interface FailureEvidence {
  /** What was expected and what was found (the failing step's message). */
  message: string;
  /** The shrunk input of a property, as JSON data. */
  counterexample?: unknown;
  /** Seed of the failing run (property seed, or the run's seed when it is not a property). */
  seed?: number;
  /** fast-check path of the counterexample. */
  path?: string;
  /** Property runs before the failure, and shrinks after it. */
  runs?: number;
  shrinks?: number;
  shrinkingInterrupted?: boolean;
  /** The edge values a property tried before random ones, one line per field. */
  boundaries?: string[];
  /** Faults injected during the failing run, one line each with its time offset. */
  faults: string[];
  /** The failing run's last requests and responses, one line each. */
  transcript: string[];
  /** The implementation's last log lines. */
  logs: string[];
  /** Which implementation was judged (command, URL, module or cli). */
  target?: string;
  /** The shell command that replays exactly this run. */
  replay: string;
}

/** What the runtime records on a test: `task.meta.specgate`. */
export type VerdictMeta =
  | { outcome: 'passed'; runs: number; seed: number; boundaries?: string[] }
  | { outcome: 'failed'; evidence: FailureEvidence };

declare module '@vitest/runner' {
  interface TaskMeta {
    specgate?: VerdictMeta;
  }
}
