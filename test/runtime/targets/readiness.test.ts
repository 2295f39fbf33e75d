import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { pollDelay, READY_USER_AGENT, waitUntilReady } from '../../../src/runtime/targets/readiness.js';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve).closeAllConnections())),
  );
});

/** A server answering 503 to its first `failures` readiness probes, then 200; it counts the probes. */
async function warmingServer(failures: number): Promise<{ port: number; probes: () => number }> {
  let probes = 0;
  const server = http.createServer((request, response) => {
    if (request.headers['user-agent'] === READY_USER_AGENT) probes += 1;
    response.statusCode = probes > failures ? 200 : 503;
    response.end();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, probes: () => probes };
}

describe('waitUntilReady', () => {
  test('polls from 5 ms, backing off by half up to 10 ms', () => {
    expect([0, 1, 2, 3, 10].map(pollDelay)).toEqual([5, 7.5, 10, 10, 10]);
  });

  test('probes until GET <path> answers 200, then stops probing', async () => {
    const server = await warmingServer(4);
    const outcome = await waitUntilReady('127.0.0.1', server.port, { http: '/healthz' }, 5000, () => false);
    expect(outcome).toEqual({ ready: true });
    expect(server.probes()).toBe(5);
  });

  test('gives up at the timeout with the last problem, and at once when told to', async () => {
    const server = await warmingServer(Infinity);
    const outcome = await waitUntilReady('127.0.0.1', server.port, { http: '/healthz' }, 200, () => false);
    expect(outcome).toEqual({ ready: false, lastProblem: 'GET /healthz answered 503' });
    expect(server.probes()).toBeGreaterThan(2);
    const stopped = await waitUntilReady('127.0.0.1', server.port, { tcp: true }, 5000, () => true);
    expect(stopped).toEqual({ ready: false, lastProblem: 'not tried yet' });
  });
});
