/**
 * One run of a criterion's check: fresh service data, the steps, the
 * invariants, then cleanup that leaves the next run a healthy world (faults
 * healed, services restored, the target checked alive).
 */
import type { Check, Criterion, Step } from '../../ir.js';
import { evaluateTemplate } from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import { History } from '../history/index.js';
import { checkInvariants } from '../invariants/index.js';
import { scrapeMetrics } from '../probes/index.js';
import { bindDeclaredActors, executeSteps, seededRandom } from '../steps/index.js';
import type { RunState, StepEnvironment } from '../steps/index.js';
import type { LogLine } from '../types.js';

const LOG_LINES_KEPT = 20;

export interface RunOutcome {
  error?: unknown;
  history: History;
  /** The implementation's last log lines when the run ended (also from before it: startup output matters). */
  logs: LogLine[];
  /** True when the target must not be reused as is (failure, restart, dead instance). */
  targetStale: boolean;
}

function readsMetrics(steps: readonly Step[]): boolean {
  return steps.some(
    (step) =>
      step.kind === 'expect-metric' ||
      ((step.kind === 'parallel' ||
        step.kind === 'sequence' ||
        step.kind === 'each' ||
        step.kind === 'eventually') &&
        readsMetrics(step.steps)),
  );
}

async function withTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
  place: Check['place'],
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new StepFailure(place, `the run did not finish within its timeout of ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

async function restore(state: RunState): Promise<void> {
  for (const timer of state.timers) clearTimeout(timer);
  state.timers.clear();
  for (const service of state.env.services.values()) {
    if (service.proxy.toxics().length > 0 || service.proxy.redisFaults().length > 0) {
      const what = service.proxy.redisFaults().length > 0 ? 'toxics and faults' : 'toxics';
      await service.proxy.removeAll();
      state.history.recordFault(service.name, `remove all ${what} (end of run)`);
    }
    const faults = service.http?.faults() ?? [];
    if (faults.length > 0) {
      for (const fault of faults) await service.http!.removeFault(fault.name);
      state.history.recordFault(service.name, 'remove all faults (end of run)');
    }
  }
  for (const [name, how] of state.disturbed) {
    const service = state.env.services.get(name)!;
    if (how === 'paused') await service.resume();
    else await service.start({ wipe: false });
  }
  state.disturbed.clear();
  // After the restarts: a trigger of a serialization fault lives in the data a restart keeps.
  for (const service of state.env.services.values()) {
    const held = service.postgres?.faults() ?? [];
    if (held.length === 0) continue;
    for (const fault of held) await service.postgres!.remove(fault.name);
    state.history.recordFault(service.name, 'remove all faults (end of run)');
  }
}

export async function runCheck(
  env: StepEnvironment,
  criterion: Criterion & { check: Check },
  values: Record<string, unknown>,
  options: { seed: number; scratchDir: string },
): Promise<RunOutcome> {
  const check = criterion.check;
  const history = new History();
  const state: RunState = {
    env,
    criterion,
    scope: { vars: env.config.vars, ...values },
    history,
    random: seededRandom(options.seed),
    seed: options.seed,
    marks: new Map(),
    readsMetrics: readsMetrics(check.steps),
    counters: { roundRobin: 0, restarted: false },
    timers: new Set(),
    disturbed: new Map(),
    scratchDir: options.scratchDir,
    signal: new AbortController().signal,
  };
  let error: unknown;
  try {
    await Promise.all([...env.services.values()].map((service) => service.reset()));
    await withTimeout(
      async (signal) => {
        state.signal = signal;
        await bindDeclaredActors(state);
        for (const [name, template] of Object.entries(check.let ?? {})) {
          state.scope[name] = await evaluateTemplate(template, state.scope);
        }
        if (state.readsMetrics && env.target) {
          state.startMetrics = await scrapeMetrics(env.target.instances, env.config.metricsPath);
        }
        await executeSteps(state, check.steps);
        const violations = await checkInvariants(check.invariants ?? [], history, state.scope);
        const [first] = violations;
        if (first) {
          throw new StepFailure(first.invariant.place, `invariant violated: ${first.summary}`, [
            ...first.details,
            ...violations.slice(1).map((other) => `also: ${other.summary}`),
          ]);
        }
      },
      check.timeout ?? env.config.timeout,
      check.place,
    );
  } catch (caught) {
    error = caught;
  }
  try {
    await restore(state);
  } catch (caught) {
    error ??= caught;
  }
  let alive = true;
  try {
    env.target?.assertAlive();
  } catch (caught) {
    alive = false;
    error ??= caught;
  }
  // The run's own lines are its evidence; a run that logged nothing shows what came before it.
  const allLogs = env.target?.logs() ?? [];
  const runLogs = allLogs.filter((line) => line.at >= history.startedAt);
  const logs = (runLogs.length > 0 ? runLogs : allLogs).slice(-LOG_LINES_KEPT);
  // After a fault the implementation may legitimately still be recovering (the contracts allow
  // it time to notice its dependency is back): the next criterion must not inherit that.
  const faulted = history.entries.some((entry) => entry.type === 'fault');
  return {
    error,
    history,
    logs,
    targetStale: error !== undefined || !alive || state.counters.restarted || faulted,
  };
}
