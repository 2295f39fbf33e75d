/**
 * The rate-limit service's seams. The app composes one implementation of each;
 * the known-bad variants under `variants/` swap exactly one of them, so the
 * reference never branches on which variant it is.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Redis } from 'ioredis';

export type Plan = 'free' | 'paid';

/** An authenticated caller, as the upstream auth layer asserts it in headers. */
export interface User {
  id: string;
  plan: Plan;
}

/** Requests allowed per window, by plan. */
export type PlanLimits = Readonly<Record<Plan, number>>;

/** Reads the caller from the request headers; `undefined` means 401 (and nothing is counted). */
export type Authenticate = (headers: IncomingHttpHeaders) => User | undefined;

/** Names the Redis key that holds a user's budget; `path` is the request path without query. */
export type KeyFor = (user: User, path: string) => string;

/**
 * One limiter decision. A rejection carries the times (ms, on the limiter's clock)
 * that Retry-After is computed from.
 */
export type LimitDecision = { allowed: true } | { allowed: false; nowMs: number; oldestMs: number };

/** Decides and records a request in one step. Throws when its backend cannot answer. */
export interface RateLimiter {
  check(key: string, limit: number, windowMs: number): Promise<LimitDecision>;
}

export interface LimiterContext {
  redis: Redis;
}

export type CreateLimiter = (context: LimiterContext) => RateLimiter;

/** Whole seconds a rejected caller should wait. */
export type RetryAfter = (rejection: { nowMs: number; oldestMs: number }, windowMs: number) => number;

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** What the service counts on `/metrics`. */
export interface RateLimitMetrics {
  backendErrors: { inc(): void };
  /** Prometheus text exposition of every metric. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** What to do with a request whose limit could not be checked. */
export type BackendErrorOutcome = 'allow' | 'unavailable';

export type BackendErrorPolicy = (
  error: unknown,
  context: { user: User; logger: Logger; metrics: RateLimitMetrics },
) => BackendErrorOutcome;

/** How the Redis client behaves when Redis is slow or gone. */
export interface RedisClientSettings {
  /** Give up on a command after this long; `undefined` waits forever. */
  commandTimeoutMs: number | undefined;
  connectTimeoutMs: number;
  /** Delay between reconnection attempts. */
  reconnectDelayMs: number;
}

/** The swappable decisions of the service. */
export interface RateLimitParts {
  authenticate: Authenticate;
  planLimits: PlanLimits;
  keyFor: KeyFor;
  createLimiter: CreateLimiter;
  retryAfter: RetryAfter;
  onBackendError: BackendErrorPolicy;
  redisClient: RedisClientSettings;
}
