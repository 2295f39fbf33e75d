/**
 * Contracts between the runtime's parts: the executor (steps, expectations,
 * properties) drives targets, services and fault proxies only through these.
 */
import type { HttpFaultType, ServiceKind, ToxicType } from '../ir.js';
import type { PostgresFaultType } from '../postgres-faults.js';

/* ----------------------------------------------------------------- history */

export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON when the body is JSON, else undefined. */
  json?: unknown;
}

/** Times are `performance.now()` values (ms, sub-ms precision, one clock for the whole process); reports subtract the run's start. */
export interface RequestEntry {
  type: 'request';
  seq: number;
  step?: string;
  instance: number;
  /** Actor name and params when the request was sent `as` someone. */
  actor?: { name: string; identity: string; params: Record<string, unknown> };
  request: HttpRequest;
  sentAt: number;
  receivedAt: number;
  response?: HttpResponse;
  /** Transport error (connection refused, reset, timeout) instead of a response. */
  error?: string;
}

export interface FaultEntry {
  type: 'fault';
  seq: number;
  at: number;
  service: string;
  /** e.g. `add timeout (downstream, toxicity 1)`, `remove timeout`, `kill`, `start`. */
  action: string;
}

export interface MarkEntry {
  type: 'mark';
  seq: number;
  at: number;
  name: string;
}

export type HistoryEntry = RequestEntry | FaultEntry | MarkEntry;

/* ------------------------------------------------------------------ logs */

export interface LogLine {
  instance: number;
  stream: 'stdout' | 'stderr';
  /** `performance.now()` when the line was read. */
  at: number;
  text: string;
}

/* ---------------------------------------------------------------- targets */

export interface TargetInstance {
  index: number;
  /** Base URL for HTTP targets (command, url, module), e.g. http://127.0.0.1:41234 */
  baseUrl?: string;
  send(request: HttpRequest, options?: { timeoutMs?: number }): Promise<HttpResponse>;
}

export interface StartOptions {
  instances: number;
  /** Env for the implementation: the spec's env, service URLs (pointing at fault proxies). */
  env: Record<string, string>;
}

export interface RunningTarget {
  /** Human description of the implementation judged, e.g. `command: node examples/…`. */
  readonly description: string;
  readonly instances: readonly TargetInstance[];
  /** Every captured output line so far, in order, across instances. */
  logs(): readonly LogLine[];
  restart(instance: number): Promise<void>;
  /** Throws when an instance exited unexpectedly, with its last output lines. */
  assertAlive(): void;
  stop(): Promise<void>;
}

export interface CliRunResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/* --------------------------------------------------------------- services */

export interface RunningService {
  readonly name: string;
  readonly kind: ServiceKind;
  /** Direct URL (for probes). */
  readonly directUrl: string;
  /** URL through the fault proxy (handed to the target). */
  readonly proxiedUrl: string;
  /** False for external services: no kill/restart/pause. */
  readonly managed: boolean;
  /** The fault proxy in front of the service (every service has one). */
  readonly proxy: FaultProxy;
  /** An HTTP upstream's recorded calls and protocol faults (kind `http`). */
  readonly http?: HttpUpstream;
  /** Faults the PostgreSQL server produces (kind `postgres`). */
  readonly postgres?: PostgresFaults;
  /** Empty the data between criteria and property runs (FLUSHALL; TRUNCATE user tables). */
  reset(): Promise<void>;
  kill(): Promise<void>;
  start(options?: { wipe?: boolean }): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** A call an HTTP upstream received, as `expect calls` and answer templates see it. */
export interface UpstreamCall {
  method: string;
  /** Without the query. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, else the text (absent when empty). */
  body?: unknown;
  text: string;
  /** `performance.now()` when the call arrived. */
  at: number;
}

/** An HTTP fault with its templates evaluated (see HttpFault in ir.ts). */
export interface HttpFaultSpec {
  name: string;
  type: HttpFaultType;
  method?: string;
  path?: string;
  /** Calls to affect; absent: every selected call while the fault is active. */
  times?: number;
  delay?: number;
  status?: number;
  /** Seconds. */
  retryAfter?: number;
  toxicity: number;
}

export interface HttpUpstream {
  /** Calls received in this run, in order of arrival. */
  calls(): readonly UpstreamCall[];
  /** `random` draws toxicity from the run's seed. A fault with the same name is replaced. */
  addFault(spec: HttpFaultSpec, random: () => number): Promise<void>;
  removeFault(name: string): Promise<void>;
  faults(): readonly HttpFaultSpec[];
}

/* ------------------------------------------------------------------ faults */

export interface ToxicSpec {
  name: string;
  type: ToxicType;
  stream: 'upstream' | 'downstream';
  toxicity: number;
  attributes: Record<string, number>;
}

/** A PostgreSQL fault with its templates evaluated (see PostgresFault in ir.ts). */
export interface PostgresFaultSpec {
  name: string;
  type: PostgresFaultType;
  /** lock, serialization_failure: `table` or `schema.table`. */
  table?: string;
  /** lock: a LOCK TABLE mode in lower case (default `access exclusive`). */
  mode?: string;
  /** serialization_failure: statements to fail; absent: every selected one. */
  times?: number;
  /** serialization_failure: probability 0..1 a statement fails. */
  toxicity: number;
}

export interface PostgresFaults {
  /**
   * Applies the fault and says what it did. `terminate` acts once and is not kept; the others
   * hold until `remove`. `seed` draws the toxicity. A fault with the same name is refused.
   */
  add(spec: PostgresFaultSpec, seed: number): Promise<string>;
  /** False when there was no such fault. */
  remove(name: string): Promise<boolean>;
  faults(): readonly PostgresFaultSpec[];
}

/** Error replies the proxy answers chosen Redis commands with (see RedisFault in ir.ts). */
export interface RedisFaultSpec {
  name: string;
  /** The error reply without `-` and CRLF: `OOM command not allowed when used memory > 'maxmemory'.` */
  error: string;
  /** Upper-case command names; absent: every command. */
  commands?: string[];
  /** Commands to answer with the error; absent: every selected one while the fault is active. */
  times?: number;
  /** Probability 0..1 that a selected command is answered with the error. */
  toxicity: number;
}

export interface FaultProxy {
  /** 127.0.0.1 port the target connects to. */
  readonly port: number;
  readonly upstream: { host: string; port: number };
  addToxic(toxic: ToxicSpec): void;
  removeToxic(name: string): Promise<void>;
  removeAll(): Promise<void>;
  toxics(): readonly ToxicSpec[];
  /**
   * Only on a proxy created with `protocol: 'redis'`. Shares names with toxics: `removeToxic`
   * and `removeAll` remove Redis faults too.
   */
  addRedisFault(fault: RedisFaultSpec): void;
  redisFaults(): readonly RedisFaultSpec[];
  /** Local ports of the proxy's open connections to the upstream: the client ports the server sees. */
  upstreamPorts(): readonly number[];
  /** While the service behind is down, the port refuses connections as the dead server would. */
  setUpstreamAvailable(available: boolean): Promise<void>;
  close(): Promise<void>;
}

/* ------------------------------------------------------ module entry points */
// Implemented in src/runtime/targets/index.ts, src/runtime/services/index.ts,
// src/runtime/faults/index.ts; the executor imports them from there.
//
// startTarget(config: TargetConfig, options: StartOptions & { root: string }): Promise<RunningTarget>
// runCli(config: CliTarget, run: { args: string[]; stdin?: string; env: Record<string, string>; cwd: string; timeoutMs: number }): Promise<CliRunResult>
// resolveTargetOverride(override: string, declared: TargetConfig): TargetConfig
// startService(name: string, config: ServiceConfig, options: { tempRoot: string; seed: number }): Promise<RunningService>
// createFaultProxy(options: { upstream: { host: string; port: number }; seed: number; protocol?: 'redis' }): Promise<FaultProxy>
