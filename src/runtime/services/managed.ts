/**
 * The lifecycle shared by harness-started services: one server process (group) on a fixed
 * port behind a fault proxy that outlives kills and restarts, so the target's URL holds.
 */
import type { ServiceKind } from '../../ir.js';
import { createFaultProxy } from '../faults/index.js';
import { removeTempDir, type GroupProcess } from '../process/index.js';
import type { FaultProxy, RunningService } from '../types.js';

/** What differs between Redis and PostgreSQL. */
export interface ServerControl {
  readonly kind: ServiceKind;
  readonly port: number;
  /** Starts the server and resolves once it answers; `wipe` starts from empty data. */
  launch(wipe: boolean): Promise<GroupProcess>;
  /** URL of the service at host:port. */
  url(host: string, port: number): string;
  /** Empties the data (FLUSHALL, TRUNCATE) through the direct URL. */
  reset(directUrl: string): Promise<void>;
  /** How `stop` and `start({ wipe })` end a running server before killing it. */
  readonly stopGraceMs: number;
}

type State = 'running' | 'paused' | 'killed' | 'stopped';

export async function startManagedService(
  name: string,
  control: ServerControl,
  options: { seed: number; dir: string },
): Promise<RunningService> {
  let server = await control.launch(false);
  let proxy: FaultProxy;
  try {
    proxy = await createFaultProxy({
      upstream: { host: '127.0.0.1', port: control.port },
      seed: options.seed,
      ...(control.kind === 'redis' ? { protocol: 'redis' as const } : {}),
    });
  } catch (error) {
    await server.stop(control.stopGraceMs);
    throw error;
  }
  let state: State = 'running';
  const directUrl = control.url('127.0.0.1', control.port);

  const requireState = (action: string, ...allowed: State[]): void => {
    if (!allowed.includes(state))
      throw new Error(`cannot ${action} service ${name} (${control.kind}): it is ${state}`);
  };

  return {
    name,
    kind: control.kind,
    directUrl,
    proxiedUrl: control.url('127.0.0.1', proxy.port),
    managed: true,
    proxy,
    async reset() {
      requireState('reset', 'running');
      await control.reset(directUrl);
    },
    async kill() {
      requireState('kill', 'running', 'paused');
      // Refuse first, so no connection is accepted in front of a server that is going away.
      await proxy.setUpstreamAvailable(false);
      await server.kill();
      state = 'killed';
    },
    async start(startOptions = {}) {
      requireState('start', 'running', 'paused', 'killed');
      if (state !== 'killed' && !startOptions.wipe) {
        if (state === 'paused') server.signal('SIGCONT');
        state = 'running';
        return;
      }
      await proxy.setUpstreamAvailable(false);
      if (state !== 'killed') await server.stop(control.stopGraceMs);
      state = 'killed';
      server = await control.launch(startOptions.wipe ?? false);
      state = 'running';
      await proxy.setUpstreamAvailable(true);
    },
    async pause() {
      requireState('pause', 'running');
      server.signal('SIGSTOP');
      state = 'paused';
    },
    async resume() {
      requireState('resume', 'paused', 'running');
      server.signal('SIGCONT');
      state = 'running';
    },
    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      await proxy.setUpstreamAvailable(false);
      await server.stop(control.stopGraceMs);
      await proxy.close();
      await removeTempDir(options.dir);
    },
  };
}
