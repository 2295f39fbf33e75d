/** `expect calls`: what an HTTP upstream received (count, order, gaps), read from its recording. */
import type { ExpectCallsStep } from '../../ir.js';
import type { Scope } from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import { formatMismatch, matchValue } from '../match/index.js';
import { matchCall } from '../services/http-rules.js';
import type { UpstreamCall } from '../types.js';
import type { RunState } from './context.js';

const LOOSE = { subset: false, numericStrings: true } as const;
const SUBSET = { subset: true, numericStrings: true } as const;

function describeCall(call: UpstreamCall, start: number): string {
  const key = call.headers['idempotency-key'];
  const text = call.text.length > 120 ? `${call.text.slice(0, 117)}...` : call.text;
  return `+${Math.round(call.at - start)} ms ${call.method} ${call.path}${key ? ` (idempotency-key ${key})` : ''}${text ? ` ${text}` : ''}`;
}

export async function executeExpectCalls(state: RunState, step: ExpectCallsStep): Promise<void> {
  const service = state.env.services.get(step.service);
  if (!service?.http)
    throw new StepFailure(step.place, `expect calls: service \`${step.service}\` is not an http service`);
  let since = state.history.startedAt;
  if (step.since !== undefined) {
    const mark = state.marks.get(step.since);
    if (!mark)
      throw new StepFailure(
        step.place,
        `since: no mark named \`${step.since}\` was reached before this step`,
      );
    since = mark.at;
  }
  const received = service.http.calls().filter((call) => call.at >= since);
  const scope: Scope = state.scope;
  const matching: UpstreamCall[] = [];
  for (const call of received) if (await matchCall(step, call, scope)) matching.push(call);

  const wanted = [step.method, step.path].filter(Boolean).join(' ') || 'any call';
  const mismatches = await matchValue(matching.length, step.count ?? { $gte: 1 }, `calls ${wanted}`, {
    ...LOOSE,
    scope,
  });
  if (step.gaps !== undefined) {
    for (let i = 1; i < matching.length; i++) {
      const gap = Math.round(matching[i]!.at - matching[i - 1]!.at);
      mismatches.push(
        ...(await matchValue(gap, step.gaps, `gap between calls ${i} and ${i + 1} (ms)`, {
          ...LOOSE,
          scope,
        })),
      );
    }
  }
  if (step.order !== undefined) {
    const expected = step.order;
    const seen = matching.map(({ method, path, headers, body }) => ({ method, path, headers, body }));
    if (seen.length !== expected.length) {
      mismatches.push({
        path: 'order',
        expected: `${expected.length} calls in this order`,
        found: `${seen.length} calls`,
      });
    } else {
      for (const [i, item] of expected.entries())
        mismatches.push(...(await matchValue(seen[i], item, `order[${i}]`, { ...SUBSET, scope })));
    }
  }
  if (step.save !== undefined)
    state.scope[step.save] = matching.map((call) => ({
      ...call,
      at: Math.round(call.at - state.history.startedAt),
    }));
  if (mismatches.length > 0) {
    const start = state.history.startedAt;
    throw new StepFailure(step.place, `expect calls: ${wanted} on ${step.service}`, [
      ...mismatches.map(formatMismatch),
      received.length === 0
        ? `${step.service} received no calls in that time`
        : `${step.service} received ${received.length} call(s) in that time:`,
      ...received.slice(-8).map((call) => `  ${describeCall(call, start)}`),
    ]);
  }
}
