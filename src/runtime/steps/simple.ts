/** Steps with no I/O of their own beyond a single call: wait, mark, let, assert, restart, sql, redis. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { AssertStep, LetStep, MarkStep, RedisStep, RestartStep, SqlStep, WaitStep } from '../../ir.js';
import {
  evaluateCondition,
  evaluateNumber,
  evaluateString,
  evaluateTemplate,
  explainOperands,
} from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import { describeValue } from '../match/index.js';
import { redisCommand, runSql, scrapeMetrics, withRedis } from '../probes/index.js';
import type { RunState } from './context.js';
import { evaluateParams } from './probes.js';

export async function executeWait(state: RunState, step: WaitStep): Promise<void> {
  const ms = await evaluateNumber(step.ms, state.scope, 'wait');
  await sleep(ms, undefined, { signal: state.signal });
}

export async function executeMark(state: RunState, step: MarkStep): Promise<void> {
  const entry = state.history.mark(step.name);
  const metrics =
    state.readsMetrics && state.env.target
      ? await scrapeMetrics(state.env.target.instances, state.env.config.metricsPath)
      : undefined;
  state.marks.set(step.name, { at: entry.at, metrics });
}

export async function executeLet(state: RunState, step: LetStep): Promise<void> {
  for (const [name, template] of Object.entries(step.values)) {
    state.scope[name] = await evaluateTemplate(template, state.scope);
  }
}

export async function executeAssert(state: RunState, step: AssertStep): Promise<void> {
  const result = await evaluateCondition(step.that, state.scope);
  if (result !== true) {
    const operands = await explainOperands(step.that, state.scope);
    throw new StepFailure(step.place, `assert: ${step.message ?? `expected \`${step.that}\` to hold`}`, [
      `\`${step.that}\` gave ${describeValue(result)}`,
      ...operands.map(({ expression, value }) => `  where \`${expression}\` is ${describeValue(value)}`),
    ]);
  }
}

export async function executeRestart(state: RunState, step: RestartStep): Promise<void> {
  const target = state.env.target;
  if (!target) throw new StepFailure(step.place, 'restart: this target has no instances to restart');
  const indexes =
    step.instance === 'all' ? target.instances.map((instance) => instance.index) : [step.instance];
  state.counters.restarted = true;
  for (const index of indexes) {
    state.history.recordFault('target', `restart instance ${index}`);
    await target.restart(index);
  }
}

export async function executeSql(state: RunState, step: SqlStep): Promise<void> {
  const service = state.env.services.get(step.service);
  if (!service) throw new StepFailure(step.place, `unknown service \`${step.service}\``);
  const query = await evaluateString(step.query, state.scope);
  const result = await runSql(service.directUrl, query, await evaluateParams(step.params, state));
  if (step.save) state.scope[step.save] = { rows: result.rows, count: result.rowCount };
}

export async function executeRedis(state: RunState, step: RedisStep): Promise<void> {
  const service = state.env.services.get(step.service);
  if (!service) throw new StepFailure(step.place, `unknown service \`${step.service}\``);
  const command = await Promise.all(step.command.map((part) => evaluateString(part, state.scope)));
  const result = await withRedis(service.directUrl, (client) => redisCommand(client, command));
  if (step.save) state.scope[step.save] = result;
}
