export { StepFailure, formatPlace } from './step-failure.js';
export { buildFailureEvidence, formatFailureEvidence, formatFailureReport, replayCommand } from './report.js';
export type { FailureEvidence, VerdictMeta } from './evidence.js';
export type { FailureReport, PropertyOutcome } from './report.js';
export { formatHistoryEntry, formatTranscript, formatLogLines } from './transcript.js';
