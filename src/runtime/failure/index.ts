export { StepFailure, formatPlace } from './step-failure.js';
export { formatFailureReport, replayCommand } from './report.js';
export type { FailureReport, PropertyOutcome } from './report.js';
export { formatHistoryEntry, formatTranscript, formatLogLines } from './transcript.js';
