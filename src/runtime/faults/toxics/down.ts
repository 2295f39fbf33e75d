import type { ProxyToxicDefinition } from '../toxic.js';

/**
 * Toxiproxy's "disable proxy" as a toxic: the port refuses connections
 * (nothing listens, so clients get ECONNREFUSED) and open connections close;
 * healing listens again on the same port.
 */
export const down: ProxyToxicDefinition<'down'> = {
  type: 'down',
  scope: 'proxy',
  apply(proxy) {
    proxy.disable();
    return () => proxy.enable();
  },
};
