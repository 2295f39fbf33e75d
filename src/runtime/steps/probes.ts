/** `expect log`, `expect metric`, `expect redis`, `expect sql`: checks of observable state. */
import type {
  ExpectLogStep,
  ExpectMetricStep,
  ExpectRedisStep,
  ExpectSqlStep,
  Matcher,
  TemplateValue,
} from '../../ir.js';
import { evaluateString, evaluateTemplateValue } from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import { formatMismatch, matchValue } from '../match/index.js';
import type { Mismatch } from '../match/index.js';
import {
  inspectKey,
  metricValue,
  runSql,
  scanKeys,
  scrapeMetrics,
  selectLogLines,
  withRedis,
} from '../probes/index.js';
import type { MetricsSnapshot, RedisKeyState } from '../probes/index.js';
import type { RunningService } from '../types.js';
import type { RunState } from './context.js';

const LOOSE = { subset: false, numericStrings: true } as const;

function sinceTime(state: RunState, since: string | undefined, place: ExpectLogStep['place']): number {
  if (since === undefined) return state.history.startedAt;
  const mark = state.marks.get(since);
  if (!mark) throw new StepFailure(place, `since: no mark named \`${since}\` was reached before this step`);
  return mark.at;
}

function fail(
  step: { place: ExpectLogStep['place'] },
  summary: string,
  mismatches: Mismatch[],
  extra: string[] = [],
) {
  if (mismatches.length > 0)
    throw new StepFailure(step.place, summary, [...mismatches.map(formatMismatch), ...extra]);
}

export async function executeExpectLog(state: RunState, step: ExpectLogStep): Promise<void> {
  const target = state.env.target;
  if (!target) throw new StepFailure(step.place, 'expect log: this target has no captured logs');
  const since = sinceTime(state, step.since, step.place);
  const contains = step.contains === undefined ? undefined : await evaluateString(step.contains, state.scope);
  const lines = selectLogLines(target.logs(), {
    since,
    instance: step.instance,
    level: step.level,
    contains,
    matches: step.matches,
  });
  const count = step.count ?? { $gte: 1 };
  const mismatches = await matchValue(lines.length, count, 'matching log lines', {
    ...LOOSE,
    scope: state.scope,
  });
  const wanted = [
    step.level && `level ${step.level}`,
    contains !== undefined && `containing ${JSON.stringify(contains)}`,
    step.matches && `matching /${step.matches}/`,
  ]
    .filter(Boolean)
    .join(', ');
  const recent = target
    .logs()
    .filter((line) => line.at >= since)
    .slice(-5);
  fail(
    step,
    `expect log: lines ${wanted || '(any)'}${step.since ? ` since ${step.since}` : ''}`,
    mismatches,
    [
      recent.length === 0 ? 'no lines were logged in that time' : 'last lines in that time:',
      ...recent.map((line) => `  [${line.instance}] ${line.text}`),
    ],
  );
}

async function metricsNow(state: RunState, path: string): Promise<MetricsSnapshot> {
  const target = state.env.target;
  if (!target) throw new Error('expect metric: this target has no HTTP instances');
  return scrapeMetrics(target.instances, path);
}

export async function executeExpectMetric(state: RunState, step: ExpectMetricStep): Promise<void> {
  const path = step.path ?? state.env.config.metricsPath;
  const now = await metricsNow(state, path);
  const current = metricValue(now, step.name, step.labels);
  const scope = state.scope;
  const mismatches: Mismatch[] = [];
  const label = `${step.name}${step.labels ? JSON.stringify(step.labels) : ''}`;
  const baseline = step.since === undefined ? state.startMetrics : state.marks.get(step.since)?.metrics;
  const delta = baseline ? current - metricValue(baseline, step.name, step.labels) : undefined;
  // Saved before matching, so a later step can use the value a failing check reports.
  if (step.save) state.scope[step.save] = { value: current, ...(delta !== undefined ? { delta } : {}) };
  if (step.value !== undefined) {
    mismatches.push(...(await matchValue(current, step.value, `${label} value`, { ...LOOSE, scope })));
  }
  if (step.delta !== undefined) {
    if (delta === undefined) {
      throw new StepFailure(
        step.place,
        `expect metric: no metrics snapshot ${step.since ? `at mark ${step.since}` : 'at the start'}`,
      );
    }
    mismatches.push(...(await matchValue(delta, step.delta, `${label} delta`, { ...LOOSE, scope })));
  }
  fail(
    step,
    `expect metric ${label} (GET ${path}, summed over ${now.length} instance${now.length === 1 ? '' : 's'})`,
    mismatches,
  );
}

function service(state: RunState, name: string, place: ExpectRedisStep['place']): RunningService {
  const found = state.env.services.get(name);
  if (!found) throw new StepFailure(place, `unknown service \`${name}\``);
  return found;
}

async function matchKey(
  state: RunState,
  step: ExpectRedisStep,
  key: string,
  observed: Awaited<ReturnType<typeof inspectKey>>,
) {
  const expect = step.expect ?? {};
  const options = { ...LOOSE, scope: state.scope };
  const at = `redis key ${JSON.stringify(key)}`;
  const mismatches: Mismatch[] = [];
  if (expect.exists !== undefined && observed.exists !== expect.exists) {
    mismatches.push({
      path: `${at} exists`,
      expected: String(expect.exists),
      found: String(observed.exists),
    });
  }
  if (expect.type !== undefined)
    mismatches.push(...(await matchValue(observed.type, expect.type, `${at} type`, options)));
  if (expect.ttl !== undefined)
    mismatches.push(...(await matchValue(observed.ttl, expect.ttl, `${at} ttl`, options)));
  if (expect.size !== undefined)
    mismatches.push(...(await matchValue(observed.size, expect.size, `${at} size`, options)));
  // Content checks: a hash's fields match as a subset (plain object), the rest exactly.
  for (const part of ['members', 'value', 'fields', 'items'] as const) {
    if (expect[part] === undefined) continue;
    mismatches.push(
      ...(await matchValue(observed[part], expect[part], `${at} ${part}`, { ...options, subset: true })),
    );
  }
  return mismatches;
}

export async function executeExpectRedis(state: RunState, step: ExpectRedisStep): Promise<void> {
  const url = service(state, step.service, step.place).directUrl;
  const mismatches = await withRedis(url, async (client) => {
    const found: Mismatch[] = [];
    if (step.key !== undefined) {
      const key = await evaluateString(step.key, state.scope);
      const observed = await inspectKey(client, key);
      if (step.save) state.scope[step.save] = observed;
      found.push(...(await matchKey(state, step, key, observed)));
    }
    if (step.keys !== undefined) {
      const pattern = await evaluateString(step.keys, state.scope);
      const keys = await scanKeys(client, pattern);
      if (step.count !== undefined) {
        found.push(
          ...(await matchValue(keys.length, step.count, `keys matching ${JSON.stringify(pattern)}`, {
            ...LOOSE,
            scope: state.scope,
          })),
        );
      }
      if (step.names !== undefined) {
        found.push(
          ...(await matchValue(keys, step.names, `names of the keys matching ${JSON.stringify(pattern)}`, {
            ...LOOSE,
            scope: state.scope,
          })),
        );
      }
      const all: RedisKeyState[] = [];
      if (step.expect || step.save) {
        for (const key of keys) {
          const observed = await inspectKey(client, key);
          all.push(observed);
          if (step.expect) found.push(...(await matchKey(state, step, key, observed)));
        }
      }
      if (step.save) state.scope[step.save] = { keys, count: keys.length, all };
    }
    return found;
  });
  fail(step, `expect redis on ${step.service}`, mismatches.slice(0, 10));
}

export async function evaluateParams(
  params: TemplateValue[] | undefined,
  state: RunState,
): Promise<unknown[]> {
  return params ? ((await evaluateTemplateValue(params, state.scope)) as unknown[]) : [];
}

export async function executeExpectSql(state: RunState, step: ExpectSqlStep): Promise<void> {
  const url = service(state, step.service, step.place).directUrl;
  const query = await evaluateString(step.query, state.scope);
  const result = await runSql(url, query, await evaluateParams(step.params, state));
  if (step.save) state.scope[step.save] = { rows: result.rows, count: result.rows.length };
  const options = { ...LOOSE, scope: state.scope };
  const mismatches: Mismatch[] = [];
  if (step.rows !== undefined) {
    mismatches.push(
      ...(await matchValue(result.rows, step.rows as Matcher | TemplateValue, 'rows', {
        ...options,
        numericStrings: false,
      })),
    );
  }
  if (step.count !== undefined)
    mismatches.push(...(await matchValue(result.rows.length, step.count, 'row count', options)));
  fail(step, `expect sql on ${step.service}: ${query}`, mismatches.slice(0, 10));
}
