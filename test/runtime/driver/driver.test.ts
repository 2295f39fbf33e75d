import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpDriver, TransportError, type HttpDriver } from '../../../src/runtime/driver/index.js';

let server: http.Server;
let baseUrl: string;
let driver: HttpDriver;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname === '/reset') return req.socket.destroy();
      if (url.pathname === '/slow') return void setTimeout(() => res.end('late'), 2000);
      if (url.pathname === '/half') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('only part');
        return void setTimeout(() => req.socket.destroy(), 20);
      }
      if (url.pathname === '/cookies') {
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.setHeader('X-Mixed-Case', 'Yes');
        return res.end('plain');
      }
      if (url.pathname === '/untyped') return res.end(' [1, 2] ');
      if (url.pathname === '/bad-json') {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        return res.end('{oops');
      }
      res.writeHead(201, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({ method: req.method, url: req.url, type: req.headers['content-type'] ?? null, body }),
      );
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  driver = createHttpDriver(baseUrl);
});

afterAll(async () => {
  await driver.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('http driver', () => {
  test('sends method, path, headers and body; parses JSON by content type', async () => {
    const response = await driver.send({
      method: 'post',
      path: '/echo?x=1',
      headers: { 'content-type': 'text/csv' },
      body: 'a,b\n1,2\n',
    });
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.json).toEqual({ method: 'POST', url: '/echo?x=1', type: 'text/csv', body: 'a,b\n1,2\n' });
    expect(JSON.parse(response.text)).toEqual(response.json);
  });

  test('lower-cases header names and joins repeated headers', async () => {
    const response = await driver.send({ method: 'GET', path: '/cookies', headers: {} });
    expect(response.headers['set-cookie']).toBe('a=1, b=2');
    expect(response.headers['x-mixed-case']).toBe('Yes');
    expect(response.text).toBe('plain');
    expect(response.json).toBeUndefined();
  });

  test('JSON without a JSON content type is still parsed; broken JSON is not', async () => {
    expect((await driver.send({ method: 'GET', path: '/untyped', headers: {} })).json).toEqual([1, 2]);
    const broken = await driver.send({ method: 'GET', path: '/bad-json', headers: {} });
    expect(broken.json).toBeUndefined();
    expect(broken.text).toBe('{oops');
  });

  test('a timeout is ETIMEDOUT and says how long it waited', async () => {
    const error = await driver
      .send({ method: 'GET', path: '/slow', headers: {} }, { timeoutMs: 150 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error.code).toBe('ETIMEDOUT');
    expect(error.message).toMatch(
      /^ETIMEDOUT: timeout \(no full response within 150 ms, waited 1\d\d ms\): GET http/,
    );
  });

  test('a connection closed without a response is ECONNRESET, also mid-body', async () => {
    const reset = await driver.send({ method: 'GET', path: '/reset', headers: {} }).catch((e) => e);
    expect(reset).toBeInstanceOf(TransportError);
    expect(reset.code).toBe('ECONNRESET');
    const half = await driver.send({ method: 'GET', path: '/half', headers: {} }).catch((e) => e);
    expect(half.code).toBe('ECONNRESET');
  });

  test('nothing listening is ECONNREFUSED', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = createHttpDriver(`http://127.0.0.1:${port}`);
    const error = await refused.send({ method: 'GET', path: '/', headers: {} }).catch((e) => e);
    await refused.close();
    expect(error).toBeInstanceOf(TransportError);
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toBe(`ECONNREFUSED: connection refused: GET http://127.0.0.1:${port}/`);
  });

  test('keeps connections alive and handles hundreds of concurrent requests', async () => {
    const before = sockets.size;
    const responses = await Promise.all(
      Array.from({ length: 400 }, (_, i) => driver.send({ method: 'GET', path: `/n/${i}`, headers: {} })),
    );
    expect(responses.every((response, i) => (response.json as { url: string }).url === `/n/${i}`)).toBe(true);
    // 400 requests over at most the pool's 256 sockets: connections are reused.
    expect(sockets.size).toBeLessThanOrEqual(before + 256);
    const open = sockets.size;
    await Promise.all(
      Array.from({ length: 50 }, () => driver.send({ method: 'GET', path: '/', headers: {} })),
    );
    expect(sockets.size).toBe(open);
  });

  test('a base URL path prefix is kept', async () => {
    const prefixed = createHttpDriver(`${baseUrl}/api/`);
    const response = await prefixed.send({ method: 'GET', path: '/ping', headers: {} });
    await prefixed.close();
    expect((response.json as { url: string }).url).toBe('/api/ping');
  });
});
