/**
 * Data about Redis faults shared by the parser and the fault proxy's Redis layer (like
 * src/toxics.ts, so the parser never imports runtime code).
 *
 * The error replies Redis itself sends that clients treat specially, by code: a spec's
 * `redis: OOM` gets Redis's own text, so an implementation matching on it sees what a real
 * server says. Any other error line (`ERR …`, `WRONGTYPE …`) is written out in full.
 */
export const REDIS_ERRORS: Readonly<Record<string, string>> = {
  OOM: "OOM command not allowed when used memory > 'maxmemory'.",
  LOADING: 'LOADING Redis is loading the dataset in memory',
  READONLY: "READONLY You can't write against a read only replica.",
  BUSY: 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.',
  NOSCRIPT: 'NOSCRIPT No matching script. Please use EVAL.',
  MASTERDOWN: "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
  MISCONF:
    "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.",
  NOREPLICAS: 'NOREPLICAS Not enough good replicas to write.',
  TRYAGAIN: 'TRYAGAIN Multiple keys request during rehashing of slot',
  CLUSTERDOWN: 'CLUSTERDOWN The cluster is down',
};

/** An error code in capitals, then optionally a space and the text, all on one line. */
const ERROR_LINE = /^[A-Z][A-Z0-9_]*(?: [^\r\n]*)?$/;

/** The error reply a spec's `redis:` value stands for, or undefined when it is not an error line. */
export function redisErrorLine(written: string): string | undefined {
  const line = written.startsWith('-') ? written.slice(1) : written;
  if (!ERROR_LINE.test(line)) return undefined;
  return REDIS_ERRORS[line] ?? line;
}

/**
 * After these a connection leaves request/reply (the server sends messages no request matches
 * one to one), so the proxy passes it through untouched from then on; `CLIENT REPLY` too.
 */
export const LEAVING_REQUEST_REPLY: readonly string[] = [
  'SUBSCRIBE',
  'PSUBSCRIBE',
  'SSUBSCRIBE',
  'MONITOR',
  'SYNC',
  'PSYNC',
];

/**
 * Commands a fault never answers: MULTI opens a transaction the server must see; AUTH and HELLO
 * log a connection in (a managed Redis has a password), which no real OOM or READONLY refuses.
 */
export const NEVER_FAULTED: readonly string[] = ['MULTI', 'AUTH', 'HELLO', ...LEAVING_REQUEST_REPLY];
