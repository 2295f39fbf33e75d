// Known-bad: reads the count and writes it back plus one; views at the same moment are lost (C-2).
import { setTimeout as sleep } from 'node:timers/promises';
import { memcached, serve } from '../server.mjs';

serve({
  async count(page) {
    const key = `views:${page}`;
    const reply = await memcached(`get ${key}\r\n`);
    const current = Number(/^VALUE \S+ \d+ \d+\r\n(\d+)/.exec(reply)?.[1] ?? 0);
    await sleep(5);
    const next = String(current + 1);
    await memcached(`set ${key} 0 0 ${next.length}\r\n${next}\r\n`);
    return current + 1;
  },
});
