/**
 * Command targets: the same shell command started N times, each instance in its own
 * process group with its own PORT on HOST=127.0.0.1, output captured per instance.
 */
import getPort from 'get-port';
import type { CommandTarget } from '../../ir.js';
import { createHttpDriver, type HttpDriver } from '../driver/index.js';
import { spawnInGroup, type GroupProcess } from '../process/index.js';
import type { RunningTarget, StartOptions, TargetInstance } from '../types.js';
import { formatTail, LogBook } from './log-book.js';
import { waitUntilReady } from './readiness.js';

const HOST = '127.0.0.1';
const TAIL_LINES = 20;

interface CommandInstance {
  readonly index: number;
  readonly port: number;
  readonly baseUrl: string;
  driver: HttpDriver;
  process?: GroupProcess;
  /** False while we stop or restart it ourselves: its exit is then no failure. */
  supervised: boolean;
}

export async function startCommandTarget(
  config: CommandTarget,
  options: StartOptions & { root: string },
): Promise<RunningTarget> {
  const logBook = new LogBook();
  const count = Math.max(1, options.instances);
  const instances: CommandInstance[] = [];
  for (let index = 0; index < count; index++) {
    const port = await getPort({ host: HOST });
    const baseUrl = `http://${HOST}:${port}`;
    instances.push({ index, port, baseUrl, driver: createHttpDriver(baseUrl), supervised: false });
  }
  const env = { ...process.env, ...config.env, ...options.env, HOST };
  const describeInstance = (instance: CommandInstance): string =>
    `instance ${instance.index} of \`${config.command}\` (port ${instance.port})`;

  async function launch(instance: CommandInstance): Promise<void> {
    const child = spawnInGroup({
      file: '/bin/sh',
      args: ['-c', config.command],
      cwd: options.root,
      env: { ...env, PORT: String(instance.port) },
      onLine: (line) => logBook.add({ instance: instance.index, ...line }),
      interruptGraceMs: config.stopGrace,
    });
    instance.process = child;
    const outcome = await waitUntilReady(
      HOST,
      instance.port,
      config.ready,
      config.readyTimeout,
      () => child.exitStatus() !== undefined,
    );
    if (outcome.ready) {
      instance.supervised = true;
      return;
    }
    const exit = child.exitStatus();
    await child.stop(config.stopGrace);
    const tail = formatTail(logBook.tail(instance.index, TAIL_LINES));
    const what = exit
      ? `exited (${describeExit(exit)}) before it was ready`
      : `was not ready after ${config.readyTimeout} ms (last check: ${outcome.lastProblem})`;
    throw new Error(`${describeInstance(instance)} ${what}.\nLast ${TAIL_LINES} output lines:\n${tail}`);
  }

  async function halt(instance: CommandInstance): Promise<void> {
    instance.supervised = false;
    await instance.process?.stop(config.stopGrace);
  }

  async function stop(): Promise<void> {
    await Promise.all(instances.map(halt));
    await Promise.all(instances.map((instance) => instance.driver.close()));
  }

  const started = await Promise.allSettled(instances.map(launch));
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }

  const targetInstances: TargetInstance[] = instances.map((instance) => ({
    index: instance.index,
    baseUrl: instance.baseUrl,
    send: (request, sendOptions) => instance.driver.send(request, sendOptions),
  }));

  return {
    description: `command: ${config.command}${count > 1 ? ` (${count} instances)` : ''}`,
    instances: targetInstances,
    logs: () => logBook.all(),
    async restart(index) {
      const instance = instances[index];
      if (!instance) throw new Error(`no instance ${index}: the target has ${instances.length}`);
      await halt(instance);
      // Pooled sockets point at the old process.
      await instance.driver.reset();
      await launch(instance);
    },
    assertAlive() {
      for (const instance of instances) {
        const exit = instance.process?.exitStatus();
        if (!instance.supervised || !exit) continue;
        const tail = formatTail(logBook.tail(instance.index, TAIL_LINES));
        throw new Error(
          `${describeInstance(instance)} exited unexpectedly (${describeExit(exit)}).\nLast ${TAIL_LINES} output lines:\n${tail}`,
        );
      }
    },
    stop,
  };
}

function describeExit(exit: { code: number | null; signal: string | null; error?: Error }): string {
  if (exit.error) return `could not start: ${exit.error.message}`;
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
