/** What steps run against: the started target and services, and the state of one run. */
import type { CliTarget, Criterion, SpecConfig, TargetConfig } from '../../ir.js';
import type { Scope } from '../expr/index.js';
import type { History } from '../history/index.js';
import type { MetricsSnapshot } from '../probes/index.js';
import type { CliRunResult, RunningService, RunningTarget } from '../types.js';

/** How a CLI target is run (runCli of the targets module, bound to its config). */
export type CliRunner = (run: {
  args: string[];
  stdin?: string;
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
}) => Promise<CliRunResult>;

export interface StepEnvironment {
  config: SpecConfig;
  /** The target as judged (after any override). */
  targetConfig: TargetConfig;
  /** HTTP targets; absent for cli targets. */
  target?: RunningTarget;
  /** CLI targets; absent for HTTP targets. */
  runCli?: CliRunner;
  cliConfig?: CliTarget;
  services: ReadonlyMap<string, RunningService>;
  /** Env handed to the implementation (service URLs and the spec's env). */
  targetEnv: Record<string, string>;
}

export interface RunState {
  env: StepEnvironment;
  criterion: Criterion;
  /** Mutable: `let`, `save` and actors add to it. */
  scope: Scope;
  history: History;
  /** Seeded generator in [0, 1): random instances, toxicity. */
  random: () => number;
  seed: number;
  marks: Map<string, { at: number; metrics?: MetricsSnapshot }>;
  /** Metrics at the run's start, when the criterion reads metrics. */
  startMetrics?: MetricsSnapshot;
  readsMetrics: boolean;
  /** Shared by every scope copy of the run (`each` iterations get their own scope, not their own counters). */
  counters: { roundRobin: number; restarted: boolean };
  /** Timers that heal faults given a `for`; cleared when the run ends. */
  timers: Set<NodeJS.Timeout>;
  /** Services left killed or paused by `service` steps: restored when the run ends. */
  disturbed: Map<string, 'killed' | 'paused'>;
  /** Scratch directory for CLI runs. */
  scratchDir: string;
  /** Aborted when the run's timeout passes. */
  signal: AbortSignal;
}
