import { untilAborted } from '../sleep.js';
import type { StreamToxicDefinition } from '../toxic.js';

/**
 * Stops all data of the direction; closes the connection `timeout` ms after
 * the toxic applies, or never with 0. Unlike Toxiproxy, which drops the data,
 * the data is held (and the sender back-pressured) until the toxic is removed:
 * TCP never loses bytes silently, so a healed partition delivers them late,
 * and clients that pair replies with requests (Redis, PostgreSQL) stay in step.
 */
export const timeout: StreamToxicDefinition<'timeout'> = {
  type: 'timeout',
  scope: 'stream',
  create(attributes, context) {
    const ms = attributes.timeout ?? 0;
    const closer = ms > 0 ? setTimeout(() => context.close(), ms) : undefined;
    return {
      async pipe(chunk) {
        await untilAborted(context.removed);
        context.send(chunk);
      },
      async end() {
        await untilAborted(context.removed);
      },
      dispose() {
        clearTimeout(closer);
      },
    };
  },
};
