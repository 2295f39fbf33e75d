import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe } from './backend-errors.js';
import { readConfig } from './config.js';
import { sendJson } from './http-io.js';
import { createLineLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { REFERENCE_PARTS } from './parts.js';
import { createRedisClient, firstConnectionOutcome } from './redis-client.js';
import { routeApi } from './routes.js';
import type { Logger, RateLimitParts, User } from './types.js';

export interface RateLimitAppOptions {
  /** Default: env `REDIS_URL`. */
  redisUrl: string;
  /** Default: env `RATE_LIMIT_WINDOW_MS`, else 60000. */
  windowMs: number;
  /** Default: plain-text lines on stdout. */
  logger: Logger;
  /** Decisions to replace; the rest are the reference's. */
  parts: Partial<RateLimitParts>;
}

export interface RateLimitApp {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /**
   * Settles once the first connection to Redis succeeded or failed (at most 500 ms).
   * Limit checks wait for it, so requests that arrive while the socket is still opening
   * (right after a restart) are counted rather than let through unchecked.
   */
  ready: Promise<void>;
  /** Drops the Redis connection; call after the HTTP server stopped. */
  close(): Promise<void>;
}

const FIRST_CONNECTION_CAP_MS = 500;

type Admission =
  { kind: 'allowed' } | { kind: 'rejected'; retryAfterSeconds: number } | { kind: 'unavailable' };

/** The service as a request handler: health and metrics, then auth → limit → route for `/api/*`. */
export function createRateLimitApp(options: Partial<RateLimitAppOptions> = {}): RateLimitApp {
  const config = readConfig();
  const redisUrl = options.redisUrl ?? config.redisUrl;
  const windowMs = options.windowMs ?? config.windowMs;
  const logger = options.logger ?? createLineLogger();
  const parts: RateLimitParts = { ...REFERENCE_PARTS, ...options.parts };
  const metrics = createMetrics();
  const redis = createRedisClient(redisUrl, parts.redisClient, logger);
  const limiter = parts.createLimiter({ redis });
  const ready = firstConnectionOutcome(redis, FIRST_CONNECTION_CAP_MS);

  async function admit(user: User, path: string): Promise<Admission> {
    await ready;
    try {
      const decision = await limiter.check(parts.keyFor(user, path), parts.planLimits[user.plan], windowMs);
      if (decision.allowed) return { kind: 'allowed' };
      return { kind: 'rejected', retryAfterSeconds: parts.retryAfter(decision, windowMs) };
    } catch (error) {
      const outcome = parts.onBackendError(error, { user, logger, metrics });
      return outcome === 'allow' ? { kind: 'allowed' } : { kind: 'unavailable' };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/healthz') return sendJson(res, 200, { ok: true });
    if (req.method === 'GET' && path === '/metrics') {
      const text = await metrics.render();
      res.writeHead(200, { 'content-type': metrics.contentType });
      res.end(text);
      return;
    }
    if (!path.startsWith('/api/')) return sendJson(res, 404, { error: 'not_found' });

    const user = parts.authenticate(req.headers);
    if (!user) return sendJson(res, 401, { error: 'unauthenticated' });

    const admission = await admit(user, path);
    if (admission.kind === 'unavailable') return sendJson(res, 503, { error: 'rate_limiter_unavailable' });
    if (admission.kind === 'rejected') {
      return sendJson(
        res,
        429,
        { error: 'rate_limited' },
        { 'retry-after': String(admission.retryAfterSeconds) },
      );
    }
    await routeApi(req, res, path, user);
  }

  return {
    ready,
    handler(req, res) {
      handle(req, res).catch((error: unknown) => {
        logger.warn(`request ${req.method} ${req.url} failed: ${describe(error)}`);
        if (res.headersSent) res.destroy();
        else sendJson(res, 500, { error: 'internal' });
      });
    },
    async close() {
      redis.disconnect();
    },
  };
}

export default createRateLimitApp;
