import { sleep } from '../sleep.js';
import type { StreamToxicDefinition } from '../toxic.js';

/**
 * Delays each chunk until `latency ± jitter` ms after it was read. Chunks are
 * handled one at a time, so order is kept and a burst read at once is delayed
 * once, not once per chunk (as in Toxiproxy, which sleeps from the read time).
 */
export const latency: StreamToxicDefinition<'latency'> = {
  type: 'latency',
  scope: 'stream',
  create(attributes, context) {
    const base = attributes.latency ?? 0;
    const jitter = attributes.jitter ?? 0;
    return {
      async pipe(chunk) {
        const delay = base + (jitter > 0 ? (context.random() * 2 - 1) * jitter : 0);
        await sleep(chunk.readAt + delay - performance.now(), context.removed);
        context.send(chunk);
      },
    };
  },
};
