import { sleep } from '../sleep.js';
import type { StreamToxicDefinition } from '../toxic.js';

/**
 * Resets the connection (TCP RST on both sides) `timeout` ms after the first
 * data that reaches the toxic, as Toxiproxy's reset_peer does; that data is
 * not passed on. With 0 the reset comes as soon as data flows.
 */
export const resetPeer: StreamToxicDefinition<'reset_peer'> = {
  type: 'reset_peer',
  scope: 'stream',
  create(attributes, context) {
    const timeout = attributes.timeout ?? 0;
    return {
      async pipe(chunk) {
        if (await sleep(timeout, context.removed)) {
          context.reset();
          return;
        }
        context.send(chunk);
      },
    };
  },
};
