/** Waiting until a freshly started server answers: `GET <path>` → 200, or a TCP connect. */
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export type ReadyCheck = { http: string } | { tcp: true };

export type ReadyOutcome = { ready: true } | { ready: false; lastProblem: string };

const POLL_MS = 50;
/** Tells a readiness probe from a criterion's request (the vacuity check's wrong servers answer only the probe). */
export const READY_USER_AGENT = 'specgate-readiness';
const ATTEMPT_TIMEOUT_MS = 1000;

/** Polls until ready, `giveUp()` says stop (the process exited), or `timeoutMs` passed. */
export async function waitUntilReady(
  host: string,
  port: number,
  check: ReadyCheck,
  timeoutMs: number,
  giveUp: () => boolean,
): Promise<ReadyOutcome> {
  const deadline = performance.now() + timeoutMs;
  let lastProblem = 'not tried yet';
  while (!giveUp()) {
    const problem = 'http' in check ? await probeHttp(host, port, check.http) : await probeTcp(host, port);
    if (problem === undefined) return { ready: true };
    lastProblem = problem;
    if (performance.now() + POLL_MS >= deadline) break;
    await sleep(POLL_MS);
  }
  return { ready: false, lastProblem };
}

/** Undefined when ready, else what went wrong. */
function probeHttp(host: string, port: number, path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = http.get(
      {
        host,
        port,
        path,
        agent: false,
        timeout: ATTEMPT_TIMEOUT_MS,
        headers: { 'user-agent': READY_USER_AGENT },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200 ? undefined : `GET ${path} answered ${response.statusCode}`);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`GET ${path} timed out`)));
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve(`GET ${path}: ${error.code ?? error.message}`),
    );
  });
}

function probeTcp(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(ATTEMPT_TIMEOUT_MS);
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('TCP connect timed out');
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      resolve(`TCP connect: ${error.code ?? error.message}`),
    );
  });
}
