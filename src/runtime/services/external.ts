/** External services (`url:` in the spec): already running, proxied for faults, never managed. */
import type { ServiceConfig } from '../../ir.js';
import { createFaultProxy } from '../faults/index.js';
import type { RunningService } from '../types.js';
import { truncateUserTables } from './postgres-client.js';
import { createPostgresFaults } from './postgres-faults.js';
import { flushRedis } from './redis-client.js';

const DEFAULT_PORTS = { redis: 6379, postgres: 5432 } as const;

export async function startExternalService(
  name: string,
  config: ServiceConfig & { kind: 'redis' | 'postgres'; url: string },
  seed: number,
): Promise<RunningService> {
  const direct = new URL(config.url);
  const upstream = {
    host: direct.hostname.replace(/^\[|\]$/g, ''),
    port: direct.port ? Number(direct.port) : DEFAULT_PORTS[config.kind],
  };
  const proxy = await createFaultProxy({
    upstream,
    seed,
    ...(config.kind === 'redis' ? { protocol: 'redis' as const } : {}),
  });
  const proxied = new URL(config.url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  const refuse = (action: string) => (): Promise<void> =>
    Promise.reject(
      new Error(
        `cannot ${action} service ${name}: it is external (${redact(direct)}), not started by specgate; faults through its proxy still work`,
      ),
    );

  return {
    name,
    kind: config.kind,
    directUrl: config.url,
    proxiedUrl: proxied.href,
    managed: false,
    proxy,
    ...(config.kind === 'postgres' ? { postgres: createPostgresFaults(config.url, proxy) } : {}),
    reset: () => (config.kind === 'redis' ? flushRedis(config.url) : truncateUserTables(config.url)),
    kill: refuse('kill'),
    start: refuse('start'),
    pause: refuse('pause'),
    resume: refuse('resume'),
    stop: () => proxy.close(),
  };
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href;
}
