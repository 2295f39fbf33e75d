/**
 * Any server as a service, against Debian's real memcached: started from the spec's command on a
 * free port, ready by TCP or by a log line, behind the fault proxy, killed, paused, restarted,
 * and reset by a command or by a restart.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CommandServer, ServiceConfig } from '../../../src/ir.js';
import { createTempDir, removeTempDir } from '../../../src/runtime/process/index.js';
import { startService } from '../../../src/runtime/services/index.js';
import type { RunningService } from '../../../src/runtime/types.js';

const MEMCACHED = 'memcached -l 127.0.0.1 -p {{ port }} -U 0 -m 8 -u nobody';

/** One memcached command over a fresh connection: its reply, or the connection error's code. */
function memcached(url: string, line: string, waitMs = 1000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => socket.write(`${line}\r\n`));
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(reply || 'no answer');
    }, waitMs);
    socket.on('data', (chunk) => {
      reply += chunk;
      if (/(END|STORED|OK|ERROR|\d+)\r\n$/.test(reply)) {
        clearTimeout(timer);
        socket.destroy();
        resolve(reply.trim());
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code ?? error.message);
    });
  });
}

const service = (server: Partial<CommandServer>): ServiceConfig => ({
  kind: 'command',
  env: 'CACHE_URL',
  server: {
    command: MEMCACHED,
    ready: { tcp: true },
    readyTimeout: 10_000,
    url: 'memcache://{{ host }}:{{ port }}',
    ...server,
  },
});

let tempRoot: string;
beforeAll(async () => {
  tempRoot = await createTempDir('command-service-test');
});
afterAll(async () => {
  await removeTempDir(tempRoot);
});

describe('a command service (memcached)', () => {
  let cache: RunningService;
  afterAll(() => cache?.stop());

  test('starts on its port; the target URL is the proxy, from the url template', async () => {
    cache = await startService(
      'cache',
      service({ reset: 'node examples/view-counter/mc.mjs {{ host }}:{{ port }} flush' }),
      {
        tempRoot,
        seed: 1,
      },
    );
    expect(cache.proxiedUrl).toBe(`memcache://127.0.0.1:${cache.proxy.port}`);
    expect(cache.directUrl).not.toBe(cache.proxiedUrl);
    expect(await memcached(cache.proxiedUrl, 'set k 0 0 1\r\n5')).toBe('STORED');
    expect(await memcached(cache.directUrl, 'get k')).toBe('VALUE k 0 1\r\n5\r\nEND');
  });

  test('reset runs the spec command: the data is gone', async () => {
    await cache.reset();
    expect(await memcached(cache.proxiedUrl, 'get k')).toBe('END');
  });

  test('pause stops answers, resume brings them back; toxics apply through the proxy', async () => {
    await cache.pause();
    expect(await memcached(cache.proxiedUrl, 'version', 300)).toBe('no answer');
    await cache.resume();
    expect(await memcached(cache.proxiedUrl, 'version')).toMatch(/^VERSION /);
    cache.proxy.addToxic({ name: 'down', type: 'down', stream: 'downstream', toxicity: 1, attributes: {} });
    expect(await memcached(cache.proxiedUrl, 'version', 300)).not.toMatch(/^VERSION /);
    cache.proxy.removeAll();
  });

  test('kill ends the server; start brings it back empty on the same port', async () => {
    expect(await memcached(cache.proxiedUrl, 'set k 0 0 1\r\n7')).toBe('STORED');
    await cache.kill();
    expect(await memcached(cache.directUrl, 'version')).toBe('ECONNREFUSED');
    await cache.start();
    expect(await memcached(cache.proxiedUrl, 'get k')).toBe('END');
  });

  test('ready by a log line waits for it; reset: restart forgets by restarting', async () => {
    const logged = await startService(
      'logged',
      service({ command: `${MEMCACHED} -vv`, ready: { log: 'server listening' }, reset: { restart: true } }),
      { tempRoot, seed: 1 },
    );
    try {
      expect(await memcached(logged.proxiedUrl, 'set k 0 0 1\r\n1')).toBe('STORED');
      await logged.reset();
      expect(await memcached(logged.proxiedUrl, 'get k')).toBe('END');
    } finally {
      await logged.stop();
    }
  });

  test('a missing program says how to install it', async () => {
    await expect(
      startService('absent', service({ command: 'no-such-server-f1 -p {{ port }}' }), { tempRoot, seed: 1 }),
    ).rejects.toThrow(
      /no-such-server-f1 not found for service absent: install it \(on Debian: `apt-get install -y no-such-server-f1`\)/,
    );
  });

  test('a server that never gets ready fails with its output', async () => {
    await expect(
      startService('never', service({ command: 'sh -c "echo starting; sleep 30"', readyTimeout: 500 }), {
        tempRoot,
        seed: 1,
      }),
    ).rejects.toThrow(/service never .* did not answer within 500 ms[\s\S]*starting/);
  });
});
