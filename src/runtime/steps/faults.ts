/** `fault`, `heal` and `service`: network faults through the proxy and process faults on services. */
import type {
  FaultStep,
  HealStep,
  HttpFault,
  PostgresFault,
  ProtocolFaultStep,
  RedisFault,
  ServiceStep,
} from '../../ir.js';
import { evaluateNumber } from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import type { HttpFaultSpec, PostgresFaultSpec, RedisFaultSpec, RunningService } from '../types.js';
import type { RunState } from './context.js';

function service(state: RunState, name: string, place: FaultStep['place']): RunningService {
  const found = state.env.services.get(name);
  if (!found) {
    const known = [...state.env.services.keys()].join(', ') || 'none';
    throw new StepFailure(place, `unknown service \`${name}\` (services: ${known})`);
  }
  return found;
}

export async function executeFault(state: RunState, step: FaultStep): Promise<void> {
  const target = service(state, step.service, step.place);
  const name = step.name ?? step.toxic;
  const stream = step.stream ?? 'downstream';
  const toxicity = step.toxicity ?? 1;
  const values: Record<string, number> = {};
  for (const [key, value] of Object.entries(step.attributes ?? {})) {
    values[key] = await evaluateNumber(value, state.scope, `fault ${key}`);
  }
  target.proxy.addToxic({ name, type: step.toxic, stream, toxicity, attributes: values });
  const attributes = Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  state.history.recordFault(
    step.service,
    `add ${name}: ${step.toxic} (${stream}, toxicity ${toxicity}${attributes ? `, ${attributes}` : ''})`,
  );
  if (step.for === undefined) return;
  const duration = await evaluateNumber(step.for, state.scope, 'fault for');
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    if (!target.proxy.toxics().some((toxic) => toxic.name === name)) return;
    void target.proxy.removeToxic(name);
    state.history.recordFault(step.service, `remove ${name} (after ${duration} ms)`);
  }, duration);
  state.timers.add(timer);
}

/** A protocol fault: in the service (an HTTP upstream's answers) or in the proxy (Redis error replies). */
export async function executeProtocolFault(state: RunState, step: ProtocolFaultStep): Promise<void> {
  const target = service(state, step.service, step.place);
  const { fault } = step;
  // Default names: the http or postgres fault's type, the Redis error's code (`oom`, `readonly`).
  const name =
    step.name ?? (fault.protocol === 'redis' ? fault.error.split(' ')[0]!.toLowerCase() : fault.type);
  const remover =
    fault.protocol === 'http'
      ? await addHttpFault(state, step, fault, target, name)
      : fault.protocol === 'redis'
        ? await addRedisFault(state, step, fault, target, name)
        : await addPostgresFault(state, step, fault, target, name);
  if (step.for === undefined || !remover) return;
  const duration = await evaluateNumber(step.for, state.scope, 'fault for');
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    void remover().then((removed) => {
      if (removed) state.history.recordFault(step.service, `remove ${name} (after ${duration} ms)`);
    });
  }, duration);
  state.timers.add(timer);
}

/** What a timed heal calls: removes the fault if it is still there, and says whether it was. */
type Remover = () => Promise<boolean>;

async function addHttpFault(
  state: RunState,
  step: ProtocolFaultStep,
  fault: HttpFault,
  target: RunningService,
  name: string,
): Promise<Remover> {
  const upstream = target.http;
  if (!upstream)
    throw new StepFailure(step.place, `service ${step.service} is not an http service: no http faults`);
  const spec: HttpFaultSpec = { name, type: fault.type, toxicity: step.toxicity ?? 1 };
  if (fault.match?.method !== undefined) spec.method = fault.match.method;
  if (fault.match?.path !== undefined) spec.path = fault.match.path;
  if (fault.status !== undefined) spec.status = fault.status;
  if (fault.times !== undefined) spec.times = await evaluateNumber(fault.times, state.scope, 'fault times');
  if (fault.delay !== undefined) spec.delay = await evaluateNumber(fault.delay, state.scope, 'fault delay');
  if (fault.retryAfter !== undefined)
    spec.retryAfter = await evaluateNumber(fault.retryAfter, state.scope, 'fault retry after');
  await upstream.addFault(spec, state.random);
  state.history.recordFault(step.service, `add ${name}: http ${describeHttpFault(spec)}`);
  return async () => {
    if (!upstream.faults().some((active) => active.name === name)) return false;
    await upstream.removeFault(name);
    return true;
  };
}

async function addRedisFault(
  state: RunState,
  step: ProtocolFaultStep,
  fault: RedisFault,
  target: RunningService,
  name: string,
): Promise<Remover> {
  if (target.kind !== 'redis')
    throw new StepFailure(step.place, `service ${step.service} is not a redis service: no redis faults`);
  const spec: RedisFaultSpec = { name, error: fault.error, toxicity: step.toxicity ?? 1 };
  if (fault.commands) spec.commands = fault.commands;
  if (fault.times !== undefined) spec.times = await evaluateNumber(fault.times, state.scope, 'fault times');
  try {
    target.proxy.addRedisFault(spec);
  } catch (error) {
    throw new StepFailure(step.place, (error as Error).message);
  }
  state.history.recordFault(step.service, `add ${name}: redis ${describeRedisFault(spec)}`);
  return async () => {
    if (!target.proxy.redisFaults().some((active) => active.name === name)) return false;
    await target.proxy.removeToxic(name);
    return true;
  };
}

/** Undefined for `terminate`, which acts once and has nothing to remove. */
async function addPostgresFault(
  state: RunState,
  step: ProtocolFaultStep,
  fault: PostgresFault,
  target: RunningService,
  name: string,
): Promise<Remover | undefined> {
  const faults = target.postgres;
  if (!faults)
    throw new StepFailure(
      step.place,
      `service ${step.service} is not a postgres service: no postgres faults`,
    );
  const spec: PostgresFaultSpec = { name, type: fault.type, toxicity: step.toxicity ?? 1 };
  if (fault.table !== undefined) spec.table = fault.table;
  if (fault.mode !== undefined) spec.mode = fault.mode;
  if (fault.times !== undefined) spec.times = await evaluateNumber(fault.times, state.scope, 'fault times');
  let done: string;
  try {
    done = await faults.add(spec, state.seed);
  } catch (error) {
    throw new StepFailure(
      step.place,
      `postgres ${fault.type} on ${step.service}: ${(error as Error).message}`,
    );
  }
  state.history.recordFault(step.service, `add ${name}: postgres ${fault.type}: ${done}`);
  if (fault.type === 'terminate') return undefined;
  return () => faults.remove(name);
}

/** e.g. `-OOM command not allowed… (on ZADD EVALSHA, first 2 commands, toxicity 1)`. */
export function describeRedisFault(spec: RedisFaultSpec): string {
  const details = [
    spec.commands ? `on ${spec.commands.join(' ')}` : '',
    spec.times !== undefined ? `first ${spec.times} commands` : '',
    `toxicity ${spec.toxicity}`,
  ].filter(Boolean);
  return `-${spec.error} (${details.join(', ')})`;
}

function describeHttpFault(spec: HttpFaultSpec): string {
  const details = [
    spec.method || spec.path ? `on ${[spec.method, spec.path].filter(Boolean).join(' ')}` : '',
    spec.status !== undefined ? `status ${spec.status}` : '',
    spec.retryAfter !== undefined ? `retry-after ${spec.retryAfter}` : '',
    spec.delay !== undefined ? `delay=${spec.delay}` : '',
    spec.times !== undefined ? `first ${spec.times} calls` : '',
    `toxicity ${spec.toxicity}`,
  ].filter(Boolean);
  return `${spec.type} (${details.join(', ')})`;
}

export async function executeHeal(state: RunState, step: HealStep): Promise<void> {
  const target = service(state, step.service, step.place);
  if (step.name === undefined) {
    const protocolFaults =
      target.http !== undefined ||
      target.proxy.redisFaults().length > 0 ||
      (target.postgres?.faults().length ?? 0) > 0;
    await target.proxy.removeAll();
    for (const fault of target.http?.faults() ?? []) await target.http!.removeFault(fault.name);
    for (const fault of target.postgres?.faults() ?? []) await target.postgres!.remove(fault.name);
    state.history.recordFault(
      step.service,
      protocolFaults ? 'remove all toxics and faults' : 'remove all toxics',
    );
  } else {
    await target.proxy.removeToxic(step.name);
    await target.http?.removeFault(step.name);
    await target.postgres?.remove(step.name);
    state.history.recordFault(step.service, `remove ${step.name}`);
  }
}

export async function executeServiceAction(state: RunState, step: ServiceStep): Promise<void> {
  const target = service(state, step.service, step.place);
  if (!target.managed) {
    throw new StepFailure(step.place, `service ${step.service} is external: it cannot be ${step.action}ed`);
  }
  state.history.recordFault(step.service, step.wipe ? `${step.action} (wipe)` : step.action);
  switch (step.action) {
    case 'kill':
      state.disturbed.set(step.service, 'killed');
      return target.kill();
    case 'pause':
      state.disturbed.set(step.service, 'paused');
      return target.pause();
    case 'resume':
      state.disturbed.delete(step.service);
      return target.resume();
    case 'start':
      state.disturbed.delete(step.service);
      return target.start({ wipe: step.wipe ?? false });
    case 'restart':
      await target.kill();
      state.disturbed.delete(step.service);
      return target.start({ wipe: step.wipe ?? false });
  }
}
