import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { startTarget } from '../../../src/runtime/targets/index.js';
import type { RunningTarget } from '../../../src/runtime/types.js';
import { projectRoot } from '../process/helpers.js';

const running: RunningTarget[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((target) => target.stop()));
});

async function startModule(exportName: string, module = 'test/fixtures/targets/factory.ts', env = {}) {
  const target = await startTarget(
    { kind: 'module', module, export: exportName, env: { FIXTURE_MODE: 'from-spec' } },
    { instances: 1, env, root: projectRoot },
  );
  running.push(target);
  return target;
}

describe('url targets', () => {
  test('sends to the running server; restart is refused clearly', async () => {
    const server = http.createServer((req, res) => res.end(`seen ${req.url}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const target = await startTarget({ kind: 'url', url }, { instances: 1, env: {}, root: projectRoot });
      running.push(target);
      expect(target.description).toBe(`url: ${url}`);
      expect(target.instances[0]!.baseUrl).toBe(url);
      expect((await target.instances[0]!.send({ method: 'GET', path: '/a', headers: {} })).text).toBe(
        'seen /a',
      );
      await expect(target.restart(0)).rejects.toThrow(
        /cannot restart a url target \(http:\/\/127\.0\.0\.1:\d+\)/,
      );
      await expect(
        startTarget({ kind: 'url', url }, { instances: 3, env: {}, root: projectRoot }),
      ).rejects.toThrow(/3 instances were asked for/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('module targets', () => {
  test('a node:http handler (default export), with env applied before the import and undone after', async () => {
    delete process.env.FIXTURE_MODE;
    const target = await startModule('default', 'test/fixtures/targets/handler.mjs');
    expect(target.description).toBe('module: test/fixtures/targets/handler.mjs#default');
    const response = await target.instances[0]!.send({ method: 'DELETE', path: '/x?y=1', headers: {} });
    expect(response.json).toEqual({ kind: 'handler', method: 'DELETE', url: '/x?y=1', mode: 'from-spec' });
    expect(target.instances[0]!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await target.stop();
    running.pop();
    expect(process.env.FIXTURE_MODE).toBeUndefined();
  });

  test('an async factory in TypeScript returning a Koa-style app; restart re-imports', async () => {
    const target = await startModule('createApp');
    const send = (path: string, body?: string) =>
      target.instances[0]!.send({ method: 'POST', path, headers: { 'x-test': '1' }, body });
    const first = await send('/items', 'payload');
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      kind: 'factory',
      generation: 1,
      method: 'POST',
      url: '/items',
      body: 'payload',
    });
    expect((await send('/missing')).status).toBe(404);
    await target.restart(0);
    // A fresh module instance: its counter starts again.
    expect((await send('/again')).json).toMatchObject({ generation: 1, url: '/again' });
  });

  test('a connect-style app with .handle, answering text', async () => {
    const target = await startModule('connectApp');
    const response = await target.instances[0]!.send({ method: 'GET', path: '/c', headers: {} });
    expect(response).toMatchObject({ status: 200, text: 'connect /c' });
    expect(response.headers['content-type']).toBe('text/plain');
    expect(response.json).toBeUndefined();
  });

  test('a Fastify-style instance: ready() first, then its own listen on loopback', async () => {
    const target = await startModule('fastifyLike');
    const response = await target.instances[0]!.send({ method: 'PUT', path: '/f', headers: {}, body: 'x' });
    expect(response.text).toBe('fastify-like PUT /f');
    expect(target.instances[0]!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('clear errors for a missing export and for something that is not an app', async () => {
    await expect(startModule('nope')).rejects.toThrow(
      'test/fixtures/targets/factory.ts has no export `nope`; it exports: connectApp, createApp, fastifyLike, notAnApp',
    );
    await expect(startModule('notAnApp')).rejects.toThrow(
      'test/fixtures/targets/factory.ts#notAnApp is not a request handler, an app (Express, Koa, Connect, Fastify), an http.Server or a factory of one: got an object with keys name',
    );
  });
});

describe('module target output', () => {
  test('each in-process instance’s lines carry its index: at import, per request, from its timers', async () => {
    const target = await startTarget(
      { kind: 'module', module: 'test/fixtures/targets/logging-handler.mjs', export: 'default', env: {} },
      { instances: 3, env: {}, root: projectRoot },
    );
    running.push(target);
    await target.instances[2]!.send({ method: 'GET', path: '/two', headers: {} });
    await target.instances[1]!.send({ method: 'GET', path: '/one', headers: {} });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const lines = target.logs().map(({ instance, stream, text }) => `${instance} ${stream} ${text}`);
    expect(lines.filter((line) => line.includes('imported at')).map((line) => line.slice(0, 2))).toEqual([
      '0 ',
      '1 ',
      '2 ',
    ]);
    // A line finished by a timer joins its own instance's unfinished line, whatever came between.
    expect(lines.filter((line) => !line.includes('imported at')).sort()).toEqual([
      '1 stderr partial /one finished later',
      '1 stdout handled /one',
      '2 stderr partial /two finished later',
      '2 stdout handled /two',
    ]);
  });
});
