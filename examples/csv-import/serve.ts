/** Runs a CSV import app as an HTTP server: env PORT, HOST, DATABASE_URL; SIGTERM stops it gracefully. */
import { createServer } from 'node:http';
import { createCsvImportApp } from './app.js';
import type { CsvImportParts } from './pipeline.js';

/** In-flight imports get this long to finish after SIGTERM (the harness kills after 3 s). */
const SHUTDOWN_GRACE_MS = 2_000;

export function serveCsvImport(options: { name: string; parts?: CsvImportParts }): void {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const app = createCsvImportApp({ parts: options.parts });
  const server = createServer(app.handler);
  server.listen(port, host, () => console.log(`${options.name} listening on http://${host}:${port}`));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${options.name}: ${signal}, shutting down`);
    const forceClose = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      clearTimeout(forceClose);
      app.close().finally(() => process.exit(0));
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
