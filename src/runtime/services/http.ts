/**
 * An HTTP upstream (kind `http`): a mock server answering by the spec's rules, behind the
 * fault proxy like every service, so TCP toxics and HTTP faults both apply.
 */
import type { ServiceConfig } from '../../ir.js';
import { createFaultProxy } from '../faults/index.js';
import type { RunningService } from '../types.js';
import { startHttpMock } from './http-mock.js';

const DEFAULT_MOCK = { rules: [], otherwise: { status: 404, json: { error: 'no_rule' } } };

export async function startHttpService(
  name: string,
  config: ServiceConfig,
  options: { seed: number; vars: Record<string, unknown> },
): Promise<RunningService> {
  const mock = await startHttpMock(config.http ?? DEFAULT_MOCK, options.vars);
  let proxy;
  try {
    proxy = await createFaultProxy({ upstream: { host: '127.0.0.1', port: mock.port }, seed: options.seed });
  } catch (error) {
    await mock.stop();
    throw error;
  }
  let killed = false;
  const cannot = (action: string) => (): Promise<void> =>
    Promise.reject(
      new Error(
        `cannot ${action} service ${name}: an HTTP upstream has no process to ${action}; use a fault (http: no_answer) instead`,
      ),
    );
  return {
    name,
    kind: 'http',
    directUrl: `http://127.0.0.1:${mock.port}`,
    proxiedUrl: `http://127.0.0.1:${proxy.port}`,
    managed: true,
    proxy,
    http: mock,
    reset: () => mock.reset(),
    // Like a dead server, a killed upstream's proxy refuses connections until it is back.
    async kill() {
      killed = true;
      await proxy.setUpstreamAvailable(false);
      await mock.stop();
    },
    async start() {
      killed = false;
      await mock.start();
      await proxy.setUpstreamAvailable(true);
    },
    pause: cannot('pause'),
    resume: cannot('resume'),
    async stop() {
      if (!killed) await mock.stop();
      killed = true;
      await proxy.close();
    },
  };
}
