/**
 * Fault proxy overhead without toxics: redis-benchmark PING (-P 1) against one redis-server,
 * directly and through the proxy, in alternating rounds of the same run. Throughput with 50
 * clients, p50 latency with 1 client (no queueing, so the proxy's own hop shows). A bare
 * `client.pipe(server)` Node proxy runs beside them as the floor any Node proxy pays, and the
 * proxy's CPU time per request shows what the 50-client ratio costs on a machine with few cores.
 * Run: node --import tsx bench/proxy/index.ts [requests]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import getPort from 'get-port';
import { createFaultProxy } from '../../src/runtime/faults/index.js';

const REQUESTS = Number(process.argv[2] ?? 100_000);
const ROUNDS = 3;

interface PingResult {
  rps: number;
  p50Ms: number;
  /** CPU time this process (where the proxies run) spent per request, µs. */
  cpuUsPerRequest: number;
}

/** The least a Node TCP proxy can do: pipe both ways. */
async function startPipeProxy(upstreamPort: number): Promise<{ port: number; server: Server }> {
  const server = createServer({ noDelay: true }, (client) => {
    const upstream = connect({ host: '127.0.0.1', port: upstreamPort, noDelay: true });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

async function startRedis(): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = await getPort({ host: '127.0.0.1' });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    void exited.then(() => reject(new Error(`redis-server exited early:\n${output}`)));
  });
  return {
    port,
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** One redis-benchmark run; reads the PING_MBULK row of its CSV. */
async function benchmarkPing(port: number, clients: number, requests: number): Promise<PingResult> {
  const args = ['-h', '127.0.0.1', '-p', String(port), '-t', 'ping', '-n', String(requests)];
  const child = spawn('redis-benchmark', [...args, '-c', String(clients), '-P', '1', '--csv'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const cpuBefore = process.cpuUsage();
  let csv = '';
  child.stdout.setEncoding('utf8').on('data', (data: string) => (csv += data));
  const [code] = (await once(child, 'exit')) as [number | null];
  const cpu = process.cpuUsage(cpuBefore);
  if (code !== 0) throw new Error(`redis-benchmark exited with ${code}:\n${csv}`);
  const rows = csv
    .trim()
    .split('\n')
    .map((line) => line.split(',').map((cell) => cell.replaceAll('"', '')));
  const header = rows[0] ?? [];
  const row = rows.find((cells) => cells[0] === 'PING_MBULK');
  if (!row) throw new Error(`no PING_MBULK row in redis-benchmark output:\n${csv}`);
  const column = (name: string): number => Number(row[header.indexOf(name)]);
  return {
    rps: column('rps'),
    p50Ms: column('p50_latency_ms'),
    cpuUsPerRequest: (cpu.user + cpu.system) / requests,
  };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Samples {
  name: string;
  port: number;
  rps: number[];
  p50: number[];
  cpu: number[];
}

const redis = await startRedis();
const proxy = await createFaultProxy({ upstream: { host: '127.0.0.1', port: redis.port }, seed: 1 });
// What every Redis service gets: the RESP layer that Redis faults need, with no fault active.
const respProxy = await createFaultProxy({
  upstream: { host: '127.0.0.1', port: redis.port },
  seed: 1,
  protocol: 'redis',
});
const pipe = await startPipeProxy(redis.port);
try {
  const targets: Samples[] = [
    { name: 'direct', port: redis.port, rps: [], p50: [], cpu: [] },
    { name: 'node pipe', port: pipe.port, rps: [], p50: [], cpu: [] },
    { name: 'fault proxy', port: proxy.port, rps: [], p50: [], cpu: [] },
    { name: 'with RESP layer', port: respProxy.port, rps: [], p50: [], cpu: [] },
  ];
  // Warm up the JIT and the sockets before anything counts.
  await benchmarkPing(proxy.port, 50, REQUESTS / 10);
  await benchmarkPing(pipe.port, 50, REQUESTS / 10);
  await benchmarkPing(respProxy.port, 50, REQUESTS / 10);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) {
      const throughput = await benchmarkPing(target.port, 50, REQUESTS);
      target.rps.push(throughput.rps);
      target.cpu.push(throughput.cpuUsPerRequest);
      target.p50.push((await benchmarkPing(target.port, 1, REQUESTS / 5)).p50Ms);
    }
    const line = targets.map(
      (t) => `${t.name} ${t.rps.at(-1)!.toFixed(0)} req/s p50 ${t.p50.at(-1)!.toFixed(3)} ms`,
    );
    console.log(`round ${round}: ${line.join('; ')}`);
  }
  const [direct, floor, ours, resp] = targets as [Samples, Samples, Samples, Samples];
  console.log(
    `throughput (50 clients, -P 1, median of ${ROUNDS}): direct ${median(direct.rps).toFixed(0)} req/s, ` +
      `node pipe ${median(floor.rps).toFixed(0)}, fault proxy ${median(ours.rps).toFixed(0)}: ` +
      `ratio to direct ${(median(ours.rps) / median(direct.rps)).toFixed(2)} (goal >= 0.9), ` +
      `to node pipe ${(median(ours.rps) / median(floor.rps)).toFixed(2)}`,
  );
  console.log(
    `CPU per request in the proxy process: node pipe ${median(floor.cpu).toFixed(1)} µs, fault proxy ${median(ours.cpu).toFixed(1)} µs, ` +
      `with the RESP layer of a Redis service ${median(resp.cpu).toFixed(1)} µs: ratio ${(median(resp.cpu) / median(ours.cpu)).toFixed(2)}`,
  );
  console.log(
    `p50 (1 client, median of ${ROUNDS}): direct ${median(direct.p50).toFixed(3)} ms, ` +
      `node pipe ${median(floor.p50).toFixed(3)} ms, fault proxy ${median(ours.p50).toFixed(3)} ms: ` +
      `added ${((median(ours.p50) - median(direct.p50)) * 1000).toFixed(0)} µs (goal <= 100 µs)`,
  );
} finally {
  await proxy.close();
  await respProxy.close();
  await new Promise((resolve) => pipe.server.close(resolve));
  await redis.stop();
}
