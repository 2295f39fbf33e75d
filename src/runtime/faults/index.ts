/**
 * The fault proxy: a TCP proxy on 127.0.0.1 in front of a service, with
 * Toxiproxy-style toxics (see docs/faults.md).
 */
import type { FaultProxy } from '../types.js';
import { TcpFaultProxy } from './proxy.js';

export { toxicDefinitions } from './toxics/index.js';
export type { ToxicDefinition, StreamToxicDefinition, ProxyToxicDefinition } from './toxic.js';

/**
 * Starts listening on a free 127.0.0.1 port; every accepted connection is piped to `upstream`.
 * `protocol: 'redis'` follows RESP on every connection, so Redis faults can be added.
 */
export async function createFaultProxy(options: {
  upstream: { host: string; port: number };
  seed: number;
  protocol?: 'redis';
}): Promise<FaultProxy> {
  const proxy = new TcpFaultProxy(options.upstream, options.seed, options.protocol);
  await proxy.listen();
  return proxy;
}
