/**
 * Driver throughput against autocannon: the same trivial node:http server (in a child
 * process), keep-alive, 32 requests in flight, a fixed duration each, in alternating
 * rounds; the median of the per-round ratios is the figure (the machine is shared).
 * Run: node --import tsx bench/driver/index.ts [seconds]
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { createHttpDriver } from '../../src/runtime/driver/index.js';

const CONCURRENCY = 32;
const SECONDS = Number(process.argv[2] ?? 3);
const ROUNDS = 5;

const SERVER_SOURCE = `
const http = require('node:http');
const body = JSON.stringify({ ok: true, user: 'bench' });
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', SERVER_SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').once('data', (chunk: string) => resolve(chunk.trim()));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
}

async function measureDriver(url: string, seconds: number): Promise<number> {
  const driver = createHttpDriver(url);
  let completed = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const response = await driver.send({ method: 'GET', path: '/', headers: {} });
        if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
        completed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await driver.close();
  return completed / elapsed;
}

async function measureAutocannon(url: string, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: CONCURRENCY, pipelining: 1, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`autocannon saw ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.total / (result.duration || seconds);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const server = await startServer();
try {
  // Warm both up (JIT, sockets) before anything counts.
  await measureDriver(server.url, 0.5);
  await measureAutocannon(server.url, 1);
  const ours: number[] = [];
  const theirs: number[] = [];
  const ratios: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate who goes first: the machine is shared, its load drifts within a round.
    const driverFirst = round % 2 === 1;
    const first = driverFirst
      ? await measureDriver(server.url, SECONDS)
      : await measureAutocannon(server.url, SECONDS);
    const second = driverFirst
      ? await measureAutocannon(server.url, SECONDS)
      : await measureDriver(server.url, SECONDS);
    const [driverRate, autocannonRate] = driverFirst ? [first, second] : [second, first];
    ours.push(driverRate);
    theirs.push(autocannonRate);
    ratios.push(driverRate / autocannonRate);
    console.log(
      `round ${round}: driver ${driverRate.toFixed(0)} req/s, autocannon ${autocannonRate.toFixed(0)} req/s, ratio ${ratios.at(-1)!.toFixed(2)}`,
    );
  }
  console.log(
    `median of ${ROUNDS} rounds (${CONCURRENCY} in flight, keep-alive, ${SECONDS} s each): driver ${median(ours).toFixed(0)} req/s, autocannon ${median(theirs).toFixed(0)} req/s, ratio ${median(ratios).toFixed(2)} (goal >= 0.9)`,
  );
} finally {
  server.stop();
}
