/** What generated suites import, as `specgate/runtime`. */
export { defineSpecSuite } from './suite/index.js';
export type { SuiteInfo, SpecSuite } from './suite/index.js';
