/** Waiting until a freshly started server answers: `GET <path>` → 200, or a TCP connect. */
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export type ReadyCheck = { http: string } | { tcp: true };

export type ReadyOutcome = { ready: true } | { ready: false; lastProblem: string };

/**
 * A server is usually up within a few ms of its port opening, and the suite waits for every start:
 * poll often at first, then back off a little so a slow start does not cost a core in probes.
 */
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 10;
const POLL_BACKOFF = 1.5;
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
  for (let attempt = 0; !giveUp(); attempt++) {
    const problem = 'http' in check ? await probeHttp(host, port, check.http) : await probeTcp(host, port);
    if (problem === undefined) return { ready: true };
    lastProblem = problem;
    const delay = pollDelay(attempt);
    if (performance.now() + delay >= deadline) break;
    await sleep(delay);
  }
  return { ready: false, lastProblem };
}

/** The pause after the `attempt`-th failed probe (from 0): 5 ms, growing by half, at most 10 ms. */
export function pollDelay(attempt: number): number {
  return Math.min(MAX_POLL_MS, FIRST_POLL_MS * POLL_BACKOFF ** attempt);
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
