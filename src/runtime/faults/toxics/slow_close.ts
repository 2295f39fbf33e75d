import { sleep } from '../sleep.js';
import type { StreamToxicDefinition } from '../toxic.js';

/** Delays passing on the end of the stream (the FIN) by `delay` ms; data flows as usual. */
export const slowClose: StreamToxicDefinition<'slow_close'> = {
  type: 'slow_close',
  scope: 'stream',
  create(attributes, context) {
    const delay = attributes.delay ?? 0;
    return {
      pipe(chunk) {
        context.send(chunk);
      },
      async end() {
        await sleep(delay, context.removed);
      },
    };
  },
};
