import type { StreamToxicDefinition } from '../toxic.js';

/** Passes the first `bytes` bytes of the direction, then closes the connection. */
export const limitData: StreamToxicDefinition<'limit_data'> = {
  type: 'limit_data',
  scope: 'stream',
  create(attributes, context) {
    let remaining = attributes.bytes ?? 0;
    return {
      pipe(chunk) {
        if (remaining <= 0) return;
        const data = chunk.data.length > remaining ? chunk.data.subarray(0, remaining) : chunk.data;
        remaining -= data.length;
        context.send({ data, readAt: chunk.readAt });
        if (remaining <= 0) context.close();
      },
    };
  },
};
