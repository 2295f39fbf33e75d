import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRateLimitApp } from './app.js';
import { readConfig } from './config.js';
import { createLineLogger } from './logger.js';
import type { RateLimitParts } from './types.js';

/** The harness sends SIGKILL 3 s after SIGTERM; finish well before that. */
const SHUTDOWN_GRACE_MS = 2_000;

/** Runs the service on env `HOST`/`PORT` until SIGTERM or SIGINT. */
export async function serveRateLimitApp(parts: Partial<RateLimitParts> = {}): Promise<void> {
  const config = readConfig();
  const logger = createLineLogger();
  const app = createRateLimitApp({ redisUrl: config.redisUrl, windowMs: config.windowMs, logger, parts });
  const server = createServer(app.handler);
  // Listening only then keeps readiness honest: a ready instance counts its first request.
  await app.ready;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  logger.info(`listening on http://${config.host}:${port} (window ${config.windowMs} ms)`);

  const shutdown = (signal: string) => {
    logger.info(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      void app.close().then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
