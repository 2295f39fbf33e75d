import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, test } from 'vitest';
import type { CommandTarget } from '../../../src/ir.js';
import { startTarget } from '../../../src/runtime/targets/index.js';
import type { RunningTarget } from '../../../src/runtime/types.js';
import { fixtures, isLive, projectRoot, waitFor } from '../process/helpers.js';

function commandTarget(script: string, overrides: Partial<CommandTarget> = {}): CommandTarget {
  return {
    kind: 'command',
    command: `node ${fixtures}${script}`,
    env: { FROM_SPEC: 'spec' },
    ready: { http: '/healthz' },
    readyTimeout: 5000,
    stopGrace: 1000,
    ...overrides,
  };
}

const running: RunningTarget[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((target) => target.stop()));
});

async function start(
  config: CommandTarget,
  instances = 1,
  env: Record<string, string> = {},
): Promise<RunningTarget> {
  const target = await startTarget(config, { instances, env, root: projectRoot });
  running.push(target);
  return target;
}

async function pidOf(target: RunningTarget, instance: number): Promise<number> {
  const response = await target.instances[instance]!.send({ method: 'GET', path: '/env', headers: {} });
  return (response.json as { pid: number }).pid;
}

describe('command targets', () => {
  test('two instances on their own ports, with env, logs, restart and stop', async () => {
    const target = await start(commandTarget('echo-server.mjs'), 2, {
      GIVEN: 'given',
      FROM_SPEC: 'overridden',
    });
    expect(target.description).toBe(`command: node ${fixtures}echo-server.mjs (2 instances)`);
    const [first, second] = target.instances;
    expect(first!.baseUrl).not.toBe(second!.baseUrl);

    const env = (await first!.send({ method: 'GET', path: '/env', headers: {} })).json as {
      env: Record<string, string>;
    };
    expect(env.env).toMatchObject({ HOST: '127.0.0.1', GIVEN: 'given', FROM_SPEC: 'overridden' });
    expect(`http://127.0.0.1:${env.env.PORT}`).toBe(first!.baseUrl);

    await second!.send({ method: 'POST', path: '/hello', headers: {}, body: 'x' });
    // Output arrives through a pipe, independently of the HTTP response.
    const logged = () => target.logs().some((line) => line.instance === 1 && line.text === 'POST /hello');
    expect(await waitFor(logged, 2000)).toBe(true);
    const lines = target.logs();
    expect(lines.filter((line) => line.instance === 0).map((line) => line.text)).not.toContain('POST /hello');
    expect(lines.every((line, i) => i === 0 || line.at >= lines[i - 1]!.at)).toBe(true);

    const oldPid = await pidOf(target, 1);
    await target.restart(1);
    const newPid = await pidOf(target, 1);
    expect(newPid).not.toBe(oldPid);
    expect(isLive(oldPid)).toBe(false);
    expect(target.logs().some((line) => line.instance === 1 && line.text === 'SIGTERM: closing')).toBe(true);
    target.assertAlive();

    const pids = [await pidOf(target, 0), newPid];
    await target.stop();
    expect(pids.filter(isLive)).toEqual([]);
  });

  test('an instance that crashes at start fails with its last 20 output lines', async () => {
    const error = await start(commandTarget('crash-on-start.mjs')).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/instance 0 of `node .*crash-on-start\.mjs` \(port \d+\) exited \(exit code 2\)/);
    expect(message).toContain('[stderr] fatal: cannot open config');
    expect(message).toContain('boot step 25');
    expect(message).toContain('boot step 7');
    expect(message).not.toContain('boot step 6\n');
  });

  test('an instance that never gets ready fails after readyTimeout and is stopped', async () => {
    const began = performance.now();
    const error = await start(commandTarget('never-ready.mjs', { readyTimeout: 600 })).catch(
      (caught: Error) => caught,
    );
    expect(performance.now() - began).toBeGreaterThanOrEqual(550);
    expect((error as Error).message).toMatch(
      /was not ready after 600 ms \(last check: GET \/healthz: ECONNREFUSED\)/,
    );
    expect((error as Error).message).toContain('still warming up');
  });

  test('tcp readiness', async () => {
    const target = await start(
      commandTarget('hang-on-sigterm.mjs', { ready: { tcp: true }, stopGrace: 300 }),
    );
    const response = await target.instances[0]!.send({ method: 'GET', path: '/', headers: {} });
    expect(response.text).toBe('ok');
  });

  test('an instance that ignores SIGTERM is SIGKILLed after the grace', async () => {
    const target = await start(
      commandTarget('hang-on-sigterm.mjs', { ready: { tcp: true }, stopGrace: 400 }),
    );
    const began = performance.now();
    await target.stop();
    const took = performance.now() - began;
    expect(took).toBeGreaterThanOrEqual(380);
    expect(took).toBeLessThan(3000);
    expect(target.logs().map((line) => line.text)).toContain('SIGTERM ignored');
  });

  test('assertAlive reports an instance that died after it was ready', async () => {
    const target = await start(commandTarget('echo-server.mjs'));
    target.assertAlive();
    await target.instances[0]!.send({ method: 'GET', path: '/crash', headers: {} }).catch(() => undefined);
    const dead = await waitFor(() => {
      try {
        target.assertAlive();
        return false;
      } catch {
        return true;
      }
    }, 3000);
    expect(dead).toBe(true);
    expect(() => target.assertAlive()).toThrow(
      /exited unexpectedly \(exit code 3\)[\s\S]*crashing on request/,
    );
  });
});
