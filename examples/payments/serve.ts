import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPaymentsApp } from './app.js';
import { createLineLogger } from './logger.js';
import type { PaymentsParts } from './parts.js';

/** The harness sends SIGKILL 3 s after SIGTERM; finish well before that. */
const SHUTDOWN_GRACE_MS = 2_000;

/** Runs the service on env `HOST`/`PORT` (with `DATABASE_URL`, `PROVIDER_URL`) until SIGTERM or SIGINT. */
export async function servePayments(options: {
  name: string;
  parts?: Partial<PaymentsParts>;
}): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const logger = createLineLogger();
  const app = createPaymentsApp({ logger, parts: options.parts });
  const server = createServer(app.handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  logger.info(`${options.name} listening on http://${host}:${(server.address() as AddressInfo).port}`);

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
