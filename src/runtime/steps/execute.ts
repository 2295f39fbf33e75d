/** Runs a list of steps in order; control steps (parallel, each, eventually) recurse. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { EachStep, EventuallyStep, ParallelStep, Step } from '../../ir.js';
import { evaluateNumber, evaluateTemplate } from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import { describeValue } from '../match/index.js';
import type { RunState } from './context.js';
import { executeExpectCalls } from './calls.js';
import { executeExpectExec } from './exec.js';
import { executeFault, executeHeal, executeProtocolFault, executeServiceAction } from './faults.js';
import { executeExpectLog, executeExpectMetric, executeExpectRedis, executeExpectSql } from './probes.js';
import { executeRun } from './run-cli.js';
import { executeSend } from './send.js';
import {
  executeAssert,
  executeLet,
  executeMark,
  executeRedis,
  executeRestart,
  executeSql,
  executeWait,
} from './simple.js';

export async function executeSteps(state: RunState, steps: readonly Step[]): Promise<void> {
  for (const step of steps) {
    state.signal.throwIfAborted();
    await executeStep(state, step);
  }
}

export async function executeStep(state: RunState, step: Step): Promise<void> {
  switch (step.kind) {
    case 'send':
      return executeSend(state, step);
    case 'run':
      return executeRun(state, step);
    case 'parallel':
      return executeParallel(state, step);
    case 'sequence':
      return executeSteps(state, step.steps);
    case 'each':
      return executeEach(state, step);
    case 'eventually':
      return executeEventually(state, step);
    case 'wait':
      return executeWait(state, step);
    case 'restart':
      return executeRestart(state, step);
    case 'fault':
      return executeFault(state, step);
    case 'protocol-fault':
      return executeProtocolFault(state, step);
    case 'heal':
      return executeHeal(state, step);
    case 'service':
      return executeServiceAction(state, step);
    case 'mark':
      return executeMark(state, step);
    case 'let':
      return executeLet(state, step);
    case 'expect-log':
      return executeExpectLog(state, step);
    case 'expect-metric':
      return executeExpectMetric(state, step);
    case 'expect-redis':
      return executeExpectRedis(state, step);
    case 'expect-sql':
      return executeExpectSql(state, step);
    case 'expect-calls':
      return executeExpectCalls(state, step);
    case 'expect-exec':
      return executeExpectExec(state, step);
    case 'sql':
      return executeSql(state, step);
    case 'redis':
      return executeRedis(state, step);
    case 'assert':
      return executeAssert(state, step);
  }
}

/** Every branch runs to its end; the first failure (in step order) is reported. */
async function executeParallel(state: RunState, step: ParallelStep): Promise<void> {
  const outcomes = await Promise.allSettled(step.steps.map((child) => executeStep(state, child)));
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Each iteration sees `as` bound to its item in a scope of its own; counters and history stay shared. */
async function executeEach(state: RunState, step: EachStep): Promise<void> {
  const items = await evaluateTemplate(step.over, state.scope);
  if (!Array.isArray(items)) {
    throw new StepFailure(step.place, `each: \`${step.over}\` must give an array`, [
      `it gave ${describeValue(items)}`,
    ]);
  }
  const iterate = (item: unknown, index: number) =>
    executeSteps({ ...state, scope: { ...state.scope, [step.as]: item, index } }, step.steps);
  if (step.concurrent) {
    const outcomes = await Promise.allSettled(items.map(iterate));
    const failed = outcomes.find(
      (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
    );
    if (failed) throw failed.reason;
  } else {
    for (const [index, item] of items.entries()) await iterate(item, index);
  }
}

async function executeEventually(state: RunState, step: EventuallyStep): Promise<void> {
  const within = await evaluateNumber(step.within, state.scope, 'eventually within');
  const deadline = state.history.now() + within;
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      await executeSteps(state, step.steps);
      return;
    } catch (error) {
      if (state.signal.aborted || state.history.now() + step.every > deadline) {
        const last = error instanceof Error ? error.message : String(error);
        throw new StepFailure(
          step.place,
          `eventually: still failing after ${within} ms (${attempts} attempts)`,
          [...last.split('\n')],
        );
      }
    }
    await sleep(step.every, undefined, { signal: state.signal });
  }
}
