export { matchValue, isMatcher, formatMismatch } from './matcher.js';
export type { Mismatch, MatchOptions } from './matcher.js';
export { valuesEqual, numericValue, isPlainObject } from './equality.js';
export type { EqualityOptions } from './equality.js';
export { describeValue, childPath } from './describe.js';
export { matchResponse, matchCliRun } from './response.js';
