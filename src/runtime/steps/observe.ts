/**
 * What one request caused: the log lines its instance wrote and the metric changes
 * across it (`log:` and `metric:` in a send's `expect`), and the faults in force when
 * a request failed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestLogExpectation, RequestMetricExpectation } from '../../ir.js';
import { evaluateString } from '../expr/index.js';
import type { Scope } from '../expr/index.js';
import { formatMismatch, matchValue } from '../match/index.js';
import { metricValue, scrapeMetrics, selectLogLines } from '../probes/index.js';
import type { MetricsSnapshot } from '../probes/index.js';
import type { RunState } from './context.js';

/**
 * A line an implementation writes just before it answers can be read by us just after the
 * response: lines count for a request until this long after its response arrived.
 */
export const OBSERVATION_SETTLE_MS = 100;

const LOOSE = { subset: false, numericStrings: true } as const;

export interface Observation {
  /** When the request was sent, and the instance it went to. */
  from: number;
  instance: number;
  before?: MetricsSnapshot;
}

export function observesRequests(expect: { log?: unknown[]; metric?: unknown[] } | undefined): boolean {
  return (expect?.log?.length ?? 0) > 0 || (expect?.metric?.length ?? 0) > 0;
}

/** Called just before the request is sent: the metrics baseline. */
export async function beginObservation(
  state: RunState,
  metrics: readonly RequestMetricExpectation[] | undefined,
  instance: number,
): Promise<Omit<Observation, 'from'>> {
  const target = state.env.target!;
  const before =
    metrics && metrics.length > 0
      ? await scrapeMetrics(target.instances, state.env.config.metricsPath)
      : undefined;
  return { instance, ...(before ? { before } : {}) };
}

/** Called when the response arrived: waits out the settle time, then checks every expectation. */
export async function checkObservation(
  state: RunState,
  observation: Observation,
  expectations: { log?: RequestLogExpectation[]; metric?: RequestMetricExpectation[] },
  scope: Scope,
): Promise<string[]> {
  const target = state.env.target!;
  await sleep(OBSERVATION_SETTLE_MS, undefined, { signal: state.signal });
  const until = state.history.now();
  const problems: string[] = [];
  const lines = target.logs().filter((line) => line.at < until);
  for (const log of expectations.log ?? []) {
    const contains = log.contains === undefined ? undefined : await evaluateString(log.contains, scope);
    const matching = selectLogLines(lines, {
      since: observation.from,
      instance: observation.instance,
      level: log.level,
      contains,
      matches: log.matches,
    });
    const wanted = [
      log.level && `level ${log.level}`,
      contains !== undefined && `containing ${JSON.stringify(contains)}`,
      log.matches && `matching /${log.matches}/`,
    ]
      .filter(Boolean)
      .join(', ');
    const mismatches = await matchValue(
      matching.length,
      log.count ?? { $gte: 1 },
      `log lines ${wanted || '(any)'}`,
      {
        ...LOOSE,
        scope,
      },
    );
    problems.push(...mismatches.map(formatMismatch));
  }
  if (expectations.metric && expectations.metric.length > 0) {
    const after = await scrapeMetrics(target.instances, state.env.config.metricsPath);
    for (const metric of expectations.metric) {
      const label = `${metric.name}${metric.labels ? JSON.stringify(metric.labels) : ''}`;
      const delta =
        metricValue(after, metric.name, metric.labels) -
        metricValue(observation.before ?? [], metric.name, metric.labels);
      const mismatches = await matchValue(delta, metric.delta, `metric ${label} delta`, { ...LOOSE, scope });
      problems.push(...mismatches.map(formatMismatch));
    }
  }
  return problems;
}

/** e.g. `redis: timeout (downstream), postgres: killed`; `none` when every service is whole. */
export function describeFaultsInForce(state: RunState): string {
  const faults: string[] = [];
  for (const [name, service] of state.env.services) {
    for (const toxic of service.proxy.toxics()) {
      const type = toxic.type === toxic.name ? toxic.type : `${toxic.name}: ${toxic.type}`;
      const toxicity = toxic.toxicity < 1 ? `, toxicity ${toxic.toxicity}` : '';
      faults.push(`${name}: ${type} (${toxic.stream}${toxicity})`);
    }
    for (const fault of service.postgres?.faults() ?? []) {
      faults.push(`${name}: ${fault.name} (postgres ${fault.type} on ${fault.table})`);
    }
    for (const fault of service.proxy.redisFaults()) {
      const code = fault.error.split(' ')[0];
      const toxicity = fault.toxicity < 1 ? `, toxicity ${fault.toxicity}` : '';
      faults.push(`${name}: ${fault.name} (redis -${code}${toxicity})`);
    }
    const disturbed = state.disturbed.get(name);
    if (disturbed) faults.push(`${name}: ${disturbed}`);
  }
  return faults.length > 0 ? faults.join(', ') : 'none';
}
