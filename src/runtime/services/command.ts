/**
 * Any server as a service (kind `command`): the spec's shell command on a free loopback port,
 * in its own process group, behind the fault proxy; ready by TCP, HTTP or a log line.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import getPort from 'get-port';
import type { CommandServer } from '../../ir.js';
import { evaluateString } from '../expr/index.js';
import { spawnInGroup } from '../process/index.js';
import { runCli } from '../targets/index.js';
import type { RunningService } from '../types.js';
import { MissingBinaryError } from './binaries.js';
import { startManagedService } from './managed.js';
import { waitForServer } from './readiness.js';

const PROBE_TIMEOUT_MS = 1000;

export async function startCommandService(
  name: string,
  server: CommandServer,
  options: { dir: string; seed: number; vars: Record<string, unknown>; root: string },
): Promise<RunningService> {
  const port = await getPort({ host: '127.0.0.1' });
  const scope = { port, host: '127.0.0.1', dir: options.dir, vars: options.vars };
  const command = await evaluateString(server.command, scope);
  const what = `service ${name} (\`${command}\`, port ${port})`;
  const urlFor = (host: string, at: number): string => `${host}:${at}`;
  // The URL template needs the proxy's port, known only once the proxy listens: resolved below.
  const service = await startManagedService(
    name,
    {
      kind: 'command',
      port,
      url: urlFor,
      stopGraceMs: 3000,
      async reset() {
        if (server.reset === undefined || typeof server.reset !== 'string') return;
        const line = await evaluateString(server.reset, scope);
        const result = await runCli(
          { kind: 'cli', command: line, env: {} },
          { args: [], env: {}, cwd: options.root, timeoutMs: 10_000 },
        );
        if (result.exitCode !== 0)
          throw new Error(
            `reset of service ${name} (\`${line}\`) exited ${result.exitCode}: ${result.stderr.trim()}`,
          );
      },
      async launch() {
        const seen: string[] = [];
        const child = spawnInGroup({
          file: '/bin/sh',
          args: ['-c', `exec ${command}`],
          cwd: options.root,
          env: process.env,
          onLine: (line) => {
            if ('log' in server.ready) seen.push(line.text);
          },
        });
        try {
          await waitForServer(what, child, () => probe(server.ready, port, seen), server.readyTimeout);
        } catch (error) {
          // 127: the shell found no such program.
          if (child.exitStatus()?.code !== 127) throw error;
          const program = command.trim().split(/\s+/)[0];
          throw new MissingBinaryError(
            `${program} not found for service ${name}: install it (on Debian: \`apt-get install -y ${program}\`) or fix the service's command.\n${(error as Error).message}`,
          );
        }
        return child;
      },
    },
    { seed: options.seed, dir: options.dir },
  );
  const proxied = await evaluateString(server.url, { ...scope, port: service.proxy.port });
  const direct = await evaluateString(server.url, scope);
  const restartReset = typeof server.reset === 'object';
  return {
    ...service,
    directUrl: direct,
    proxiedUrl: proxied,
    // `restart` resets by killing and starting again: the server's own way to forget.
    reset: restartReset
      ? async () => {
          await service.kill();
          await service.start();
        }
      : service.reset,
  };
}

function probe(ready: CommandServer['ready'], port: number, seen: string[]): Promise<string | undefined> {
  if ('log' in ready)
    return Promise.resolve(
      seen.some((line) => line.includes(ready.log))
        ? undefined
        : `no output line containing "${ready.log}" yet`,
    );
  if ('http' in ready) return probeHttp(port, ready.http);
  return probeTcp(port);
}

function probeTcp(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(PROBE_TIMEOUT_MS, () => {
      socket.destroy();
      resolve('connect timed out');
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

async function probeHttp(port: number, path: string): Promise<string | undefined> {
  const started = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    return response.ok ? undefined : `GET ${path} answered ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return `GET ${path} failed after ${Math.round(performance.now() - started)} ms: ${cause?.code ?? (error as Error).message}`;
  }
}
