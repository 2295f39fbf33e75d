// A built-in wrong implementation for the vacuity check (src/strength/vacuity.ts). Plain JavaScript so
// it starts in milliseconds. Usage: node http-server.mjs ok-empty|error-500|silent
// It answers specgate's readiness probe (user-agent specgate-readiness) with 200 so the criteria get
// to run, and every other request with 200 `{}`, 500, or nothing at all (the connection stays open).
import http from 'node:http';

const mode = process.argv[2];
const open = new Set();

const server = http.createServer((request, response) => {
  request.resume();
  if (request.headers['user-agent'] === 'specgate-readiness') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    return;
  }
  if (mode === 'ok-empty') response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  else if (mode === 'error-500') response.writeHead(500, { 'content-type': 'application/json' }).end('{}');
  else open.add(response);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
