import { sleep } from '../sleep.js';
import type { StreamToxicDefinition } from '../toxic.js';

/** Toxiproxy splits large chunks so that data trickles out in pieces of 100 ms. */
const SLICE_MS = 100;

/** Limits the direction to `rate` KB/s (1 KB = 1000 bytes, as in Toxiproxy). */
export const bandwidth: StreamToxicDefinition<'bandwidth'> = {
  type: 'bandwidth',
  scope: 'stream',
  create(attributes, context) {
    const bytesPerMs = attributes.rate ?? 1;
    const sliceBytes = Math.max(1, Math.floor(bytesPerMs * SLICE_MS));
    // When the data sent so far has fully gone out at `rate`; an absolute time, so timer lateness does not add up.
    let busyUntil = 0;
    return {
      async pipe(chunk) {
        let rest = chunk.data;
        while (rest.length > 0) {
          const piece = rest.subarray(0, sliceBytes);
          busyUntil = Math.max(busyUntil, performance.now()) + piece.length / bytesPerMs;
          if (!(await sleep(busyUntil - performance.now(), context.removed))) {
            context.send({ data: rest, readAt: chunk.readAt });
            return;
          }
          context.send({ data: piece, readAt: chunk.readAt });
          rest = rest.subarray(piece.length);
        }
      },
    };
  },
};
