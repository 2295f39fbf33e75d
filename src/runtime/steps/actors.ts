/**
 * Actors: identities bound to params. Params are evaluated once per run (so
 * an identity's `{{ $unique }}` default gives each actor a fresh value per run)
 * and are visible to templates by the actor's name (`alice.id`).
 */
import { evaluateString, evaluateTemplate } from '../expr/index.js';
import type { RunState } from './context.js';

export interface ResolvedActor {
  name: string;
  identity: string;
  params: Record<string, unknown>;
}

// Keyed by the run's history: steps such as `each` copy the state, but a run has one history.
const resolvedActors = new WeakMap<RunState['history'], Map<string, ResolvedActor>>();

async function bindActor(
  state: RunState,
  name: string,
  identityName: string,
  overrides: Record<string, string>,
) {
  const identity = state.env.config.identities[identityName];
  if (!identity) throw new Error(`actor ${name}: unknown identity \`${identityName}\``);
  const params: Record<string, unknown> = {};
  for (const [param, template] of Object.entries({ ...identity.defaults, ...overrides })) {
    params[param] = await evaluateTemplate(template, state.scope);
  }
  const actor: ResolvedActor = { name, identity: identityName, params };
  let actors = resolvedActors.get(state.history);
  if (!actors) resolvedActors.set(state.history, (actors = new Map()));
  actors.set(name, actor);
  state.scope[name] = params;
  return actor;
}

/** Binds the criterion's declared actors at the start of a run. */
export async function bindDeclaredActors(state: RunState): Promise<void> {
  for (const [name, actor] of Object.entries(state.criterion.check?.actors ?? {})) {
    await bindActor(state, name, actor.identity, actor.params);
  }
}

/** A declared actor by name, or an identity's implicit actor (bound on first use in the run). */
export async function resolveActor(state: RunState, name: string): Promise<ResolvedActor> {
  const known = resolvedActors.get(state.history)?.get(name);
  if (known) return known;
  if (state.env.config.identities[name]) return bindActor(state, name, name, {});
  throw new Error(`\`as: ${name}\` names neither an actor of this criterion nor an identity`);
}

/** The identity's headers, with the actor's params visible to their templates. */
export async function actorHeaders(state: RunState, actor: ResolvedActor): Promise<Record<string, string>> {
  const identity = state.env.config.identities[actor.identity]!;
  const scope = { ...state.scope, ...actor.params, params: actor.params };
  const headers: Record<string, string> = {};
  for (const [header, template] of Object.entries(identity.headers)) {
    headers[header] = await evaluateString(template, scope);
  }
  return headers;
}
