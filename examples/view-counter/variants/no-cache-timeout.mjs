// Known-bad: waits for memcached without a deadline; a stalled cache stalls every view (FM-2).
import { countView, memcached, serve } from '../server.mjs';

serve({
  count: (page) =>
    memcached(`incr views:${page} 1\r\n`, 0).then((reply) =>
      /^\d+$/.test(reply) ? Number(reply) : countView(page),
    ),
});
