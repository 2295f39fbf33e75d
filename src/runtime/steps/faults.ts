/** `fault`, `heal` and `service`: network faults through the proxy and process faults on services. */
import type { FaultStep, HealStep, ServiceStep } from '../../ir.js';
import { evaluateNumber } from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import type { RunningService } from '../types.js';
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
    target.proxy.removeToxic(name);
    state.history.recordFault(step.service, `remove ${name} (after ${duration} ms)`);
  }, duration);
  state.timers.add(timer);
}

export async function executeHeal(state: RunState, step: HealStep): Promise<void> {
  const target = service(state, step.service, step.place);
  if (step.name === undefined) {
    target.proxy.removeAll();
    state.history.recordFault(step.service, 'remove all toxics');
  } else {
    target.proxy.removeToxic(step.name);
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
