export { executeSteps, executeStep } from './execute.js';
export { bindDeclaredActors, resolveActor, actorHeaders } from './actors.js';
export type { ResolvedActor } from './actors.js';
export { seededRandom } from './random.js';
export type { RunState, StepEnvironment, CliRunner } from './context.js';
export type { SavedResponse } from './send.js';
