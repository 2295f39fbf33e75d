import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTempDir, reaperPid, removeTempDir } from '../../../src/runtime/process/index.js';
import { startService } from '../../../src/runtime/services/index.js';
import { withRedis } from '../../../src/runtime/services/redis-client.js';
import type { RunningService } from '../../../src/runtime/types.js';
import { processesMarked, waitFor } from '../process/helpers.js';

// Every server started here inherits this marker, so the test can find them in /proc.
const marker = randomUUID();
process.env.SPECGATE_SERVICES_TEST = marker;
// The reaper inherits it too, and lives as long as this test process.
const ours = () =>
  processesMarked({ name: 'SPECGATE_SERVICES_TEST', value: marker }, tempRoot).filter(
    (pid) => pid !== reaperPid(),
  );

function connectError(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/**
 * A raw connection, logged in with the URL's password when it has one, that records how it
 * ended: 'end' (FIN), or the error code (e.g. ECONNRESET).
 */
async function openRaw(
  url: string,
): Promise<{ closed: Promise<void>; readonly how: string; ping(): Promise<string> }> {
  const { hostname, port, password } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port) });
  let how = 'open';
  socket.on('end', () => (how = how === 'open' ? 'end' : how));
  socket.on('error', (error: NodeJS.ErrnoException) => (how = error.code ?? error.message));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const send = (command: string) =>
    new Promise<string>((resolve) => {
      socket.once('data', (data) => resolve(data.toString().trim()));
      socket.write(`${command}\r\n`);
    });
  if (password) expect(await send(`AUTH ${decodeURIComponent(password)}`)).toBe('+OK');
  return {
    closed,
    get how() {
      return how;
    },
    ping: () => send('PING'),
  };
}

let tempRoot: string;
beforeAll(async () => {
  tempRoot = await createTempDir('services-test');
});
afterAll(async () => {
  await removeTempDir(tempRoot);
});

/**
 * PING over a raw socket, after an AUTH with the URL's password when it has one: the answer to
 * the PING ('PONG', or an error such as NOAUTH), 'no answer' within `waitMs`, or the connection
 * error's code.
 */
function rawPing(url: string, waitMs = 400): Promise<string> {
  const { hostname, port, password } = new URL(url);
  const commands = password ? [`AUTH ${decodeURIComponent(password)}`, 'PING'] : ['PING'];
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () =>
      socket.write(commands.map((command) => `${command}\r\n`).join('')),
    );
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('no answer');
    }, waitMs);
    let answers = '';
    socket.on('data', (data) => {
      answers += data.toString();
      const lines = answers.split('\r\n').slice(0, -1);
      if (lines.length < commands.length) return;
      clearTimeout(timer);
      socket.destroy();
      resolve(lines.at(-1)!.replace(/^\+/, ''));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code ?? error.message);
    });
  });
}

/** The URL without its password: what another local user knows of the service. */
function withoutPassword(url: string): string {
  const bare = new URL(url);
  bare.password = '';
  bare.username = '';
  return bare.href.replace(/\/$/, '');
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000, query_timeout: 1000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('redis service', () => {
  let redis: RunningService;
  let startMs: number;

  beforeAll(async () => {
    const began = performance.now();
    redis = await startService('cache', { kind: 'redis', env: 'REDIS_URL' }, { tempRoot, seed: 7 });
    startMs = performance.now() - began;
    console.log(`redis service started in ${startMs.toFixed(0)} ms`);
  });
  afterAll(() => redis?.stop());

  test('serves through the proxy and directly; reset empties it', async () => {
    expect(redis).toMatchObject({ name: 'cache', kind: 'redis', managed: true });
    expect(redis.proxiedUrl).toMatch(new RegExp(`^redis://:[\\w-]{24}@127\\.0\\.0\\.1:${redis.proxy.port}$`));
    expect(redis.directUrl).toBe(
      redis.proxiedUrl.replace(`:${redis.proxy.port}`, `:${redis.proxy.upstream.port}`),
    );
    await withRedis(redis.proxiedUrl, (client) => client.set('k', 'v'));
    expect(await withRedis(redis.directUrl, (client) => client.get('k'))).toBe('v');
    await redis.reset();
    expect(await withRedis(redis.directUrl, (client) => client.dbsize())).toBe(0);
  });

  test('a client without the password is refused (NOAUTH), directly and through the proxy', async () => {
    for (const url of [redis.directUrl, redis.proxiedUrl]) {
      const wrong = url.replace(/:[\w-]+@/, ':specgate@');
      expect(await rawPing(withoutPassword(url))).toMatch(/^-NOAUTH /);
      expect(await rawPing(wrong)).toMatch(/^-NOAUTH /);
      await expect(withRedis(withoutPassword(url), (client) => client.get('k'))).rejects.toThrow();
      await expect(withRedis(wrong, (client) => client.get('k'))).rejects.toThrow();
      expect(await rawPing(url)).toBe('PONG');
    }
  });

  test("the password is in no process's command line", async () => {
    const { password } = new URL(redis.directUrl);
    const lines = ours().map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain(password);
  });

  test('kill, start on the same port, pause and resume', async () => {
    await redis.kill();
    expect(await rawPing(redis.directUrl)).toBe('ECONNREFUSED');
    await expect(redis.reset()).rejects.toThrow('cannot reset service cache (redis): it is killed');
    await redis.start();
    expect(await withRedis(redis.proxiedUrl, (client) => client.ping())).toBe('PONG');

    await redis.pause();
    expect(await rawPing(redis.directUrl)).toBe('no answer');
    await redis.resume();
    expect(await rawPing(redis.directUrl)).toBe('PONG');

    await redis.pause();
    await redis.kill();
    await redis.start({ wipe: true });
    expect(await withRedis(redis.directUrl, (client) => client.ping())).toBe('PONG');
  });

  test('killed, its proxy refuses connections as the dead server does; an open connection sees the same end', async () => {
    const direct = await openRaw(redis.directUrl);
    const proxied = await openRaw(redis.proxiedUrl);
    // A connection Redis has not yet accept()ed is reset when it dies, not closed; the proxied
    // one has one more hop to go. A PING answered means Redis holds both ends.
    expect(await Promise.all([direct.ping(), proxied.ping()])).toEqual(['+PONG', '+PONG']);
    await redis.kill();
    await Promise.all([direct.closed, proxied.closed]);
    expect(proxied.how).toBe(direct.how);
    expect(await connectError(redis.directUrl)).toBe('ECONNREFUSED');
    expect(await connectError(redis.proxiedUrl)).toBe('ECONNREFUSED');
    await redis.start();
    expect(await connectError(redis.proxiedUrl)).toBe('connected');
    expect(await rawPing(redis.proxiedUrl)).toBe('PONG');
  });

  test('stop leaves no process and no dir', async () => {
    expect(ours().length).toBeGreaterThan(0);
    await redis.stop();
    expect(await waitFor(() => ours().length === 0, 2000)).toBe(true);
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});

describe('postgres service', () => {
  let db: RunningService;

  beforeAll(async () => {
    const began = performance.now();
    db = await startService('db', { kind: 'postgres', env: 'DATABASE_URL' }, { tempRoot, seed: 7 });
    console.log(`postgres service started in ${(performance.now() - began).toFixed(0)} ms`);
  });
  afterAll(() => db?.stop());

  test('reset truncates user tables, restarts identities, keeps the schema', async () => {
    expect(db.proxiedUrl).toMatch(
      new RegExp(`^postgres://specgate:[\\w-]{24}@127\\.0\\.0\\.1:${db.proxy.port}/specgate$`),
    );
    await sql(db.proxiedUrl, 'CREATE TABLE parent (id bigserial PRIMARY KEY, name text)');
    await sql(
      db.proxiedUrl,
      'CREATE TABLE "Child Rows" (id serial PRIMARY KEY, parent_id bigint REFERENCES parent(id))',
    );
    await sql(db.proxiedUrl, `INSERT INTO parent (name) VALUES ('a'), ('b')`);
    await sql(db.proxiedUrl, `INSERT INTO "Child Rows" (parent_id) VALUES (1), (2)`);
    const began = performance.now();
    await db.reset();
    console.log(`postgres reset took ${(performance.now() - began).toFixed(0)} ms`);
    expect(await sql(db.directUrl, 'SELECT count(*)::int AS n FROM parent')).toEqual([{ n: 0 }]);
    expect(await sql(db.directUrl, 'SELECT count(*)::int AS n FROM "Child Rows"')).toEqual([{ n: 0 }]);
    expect(await sql(db.directUrl, `INSERT INTO parent (name) VALUES ('c') RETURNING id`)).toEqual([
      { id: '1' },
    ]);
  });

  test("the old fixed password is refused, for the superuser and for the target's role", async () => {
    const port = db.proxy.upstream.port;
    for (const user of ['postgres', 'specgate'])
      for (const database of ['postgres', 'specgate'])
        await expect(
          sql(`postgres://${user}:specgate@127.0.0.1:${port}/${database}`, 'SELECT 1'),
        ).rejects.toThrow(`password authentication failed for user "${user}"`);
  });

  test("the target's role owns its database and is no superuser: COPY … TO PROGRAM is refused", async () => {
    expect(
      await sql(
        db.proxiedUrl,
        'SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user',
      ),
    ).toEqual([{ rolsuper: false, rolcreaterole: false, rolcreatedb: false }]);
    expect(
      await sql(
        db.proxiedUrl,
        'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()',
      ),
    ).toEqual([{ owner: 'specgate' }]);
    await expect(sql(db.proxiedUrl, `COPY (SELECT 1) TO PROGRAM 'true'`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(sql(db.proxiedUrl, 'CREATE DATABASE other')).rejects.toThrow(/permission denied/);
  });

  test('kill keeps committed data for start; start({ wipe }) empties it; pause and resume', async () => {
    await sql(db.directUrl, `INSERT INTO parent (name) VALUES ('kept')`);
    let began = performance.now();
    await db.kill();
    console.log(`postgres kill took ${(performance.now() - began).toFixed(0)} ms`);
    expect(await connectError(db.directUrl)).toBe('ECONNREFUSED');
    began = performance.now();
    await db.start();
    console.log(`postgres start after kill took ${(performance.now() - began).toFixed(0)} ms`);
    expect(await sql(db.proxiedUrl, 'SELECT name FROM parent ORDER BY id')).toEqual([
      { name: 'c' },
      { name: 'kept' },
    ]);

    await db.pause();
    await expect(sql(db.directUrl, 'SELECT 1')).rejects.toThrow(/timeout/i);
    await db.resume();
    expect(await sql(db.directUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

    began = performance.now();
    await db.start({ wipe: true });
    console.log(`postgres wiped restart took ${(performance.now() - began).toFixed(0)} ms`);
    expect(
      await sql(db.directUrl, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`),
    ).toEqual([{ n: 0 }]);
    // The wiped cluster is a fresh copy of the template: the target's URL still opens it, and it can create tables.
    await sql(db.proxiedUrl, 'CREATE TABLE again (id int)');
    await expect(
      sql(`postgres://postgres:specgate@127.0.0.1:${db.proxy.upstream.port}/specgate`, 'SELECT 1'),
    ).rejects.toThrow('password authentication failed');
  });

  test('killed or restarting, its proxy refuses connections as the dead server does', async () => {
    await db.kill();
    expect(await connectError(db.proxiedUrl)).toBe('ECONNREFUSED');
    const restarting = db.start();
    expect(await connectError(db.proxiedUrl)).toBe('ECONNREFUSED');
    await restarting;
    expect(await sql(db.proxiedUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  test('stop leaves no process and no dir', async () => {
    expect(ours().length).toBeGreaterThan(0);
    await db.stop();
    expect(await waitFor(() => ours().length === 0, 3000)).toBe(true);
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});

describe('external services', () => {
  test('are proxied and reset, but not managed', async () => {
    const server = await startService('cache', { kind: 'redis', env: 'REDIS_URL' }, { tempRoot, seed: 1 });
    try {
      const external = await startService(
        'shared',
        { kind: 'redis', env: 'REDIS_URL', url: `${server.directUrl}/0` },
        { tempRoot, seed: 1 },
      );
      expect(external.managed).toBe(false);
      expect(external.proxiedUrl).toBe(`${server.proxiedUrl.replace(/:\d+$/, `:${external.proxy.port}`)}/0`);
      await withRedis(external.proxiedUrl, (client) => client.set('x', '1'));
      await external.reset();
      expect(await withRedis(server.directUrl, (client) => client.exists('x'))).toBe(0);
      await expect(external.kill()).rejects.toThrow(
        /cannot kill service shared: it is external \(redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\/0\), not started by specgate/,
      );
      await expect(external.pause()).rejects.toThrow(/cannot pause service shared/);
      await external.stop();
    } finally {
      await server.stop();
    }
  });
});
