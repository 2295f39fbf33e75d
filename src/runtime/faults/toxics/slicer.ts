import { sleep } from '../sleep.js';
import type { StreamToxicDefinition } from '../toxic.js';

/**
 * Cuts every chunk into slices of `average_size ± size_variation` bytes, `delay` ms apart.
 * Toxiproxy counts this delay in µs; here it is a spec duration like every other, so ms.
 */
export const slicer: StreamToxicDefinition<'slicer'> = {
  type: 'slicer',
  scope: 'stream',
  create(attributes, context) {
    const average = attributes.average_size ?? 1;
    const variation = Math.min(attributes.size_variation ?? 0, average - 1);
    const delayMs = attributes.delay ?? 0;
    const nextSize = (): number => Math.max(1, Math.round(average + (context.random() * 2 - 1) * variation));
    return {
      async pipe(chunk) {
        let rest = chunk.data;
        while (rest.length > 0) {
          const slice = rest.subarray(0, nextSize());
          context.send({ data: slice, readAt: chunk.readAt });
          rest = rest.subarray(slice.length);
          if (rest.length > 0 && !(await sleep(delayMs, context.removed))) {
            context.send({ data: rest, readAt: chunk.readAt });
            return;
          }
        }
      },
    };
  },
};
