export { defineSpecSuite } from './define.js';
export type { SuiteInfo, SpecSuite } from './define.js';
export { SuiteEnvironment } from './environment.js';
export { verifyCriterion } from './verify.js';
export { runCheck } from './run.js';
export type { RunOutcome } from './run.js';
export { readKnobs } from './knobs.js';
export type { Knobs } from './knobs.js';
