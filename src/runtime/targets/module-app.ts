/**
 * Turns whatever a module target exports into a listening node:http server: a request
 * handler, an app object `{ handler, ready?, close? }`, an Express/Connect app (a function,
 * or `.handle`), a Koa app (`.callback()`),
 * a Fastify instance (`.ready()` + `.server`), an http.Server, or a factory (sync or
 * async, no arguments) returning one of those.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type RequestListener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface ServedApp {
  readonly server: http.Server;
  readonly port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

type Callable = (...args: unknown[]) => unknown;

function method(value: unknown, name: string): Callable | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  const member = (value as Record<string, unknown>)[name];
  return typeof member === 'function' ? (member as Callable).bind(value) : undefined;
}

/** `what` names the export in error messages, e.g. `examples/app.ts#default`. */
export async function serveExport(value: unknown, what: string): Promise<ServedApp> {
  const resolved = await callIfFactory(value);
  const ready = method(resolved, 'ready');
  const serverOf = (resolved as { server?: unknown } | null)?.server;
  if (ready && serverOf instanceof http.Server) return serveFastify(resolved, ready, serverOf);
  if (resolved instanceof http.Server) return listen(resolved, async () => closeServer(resolved));
  const withHandler = handlerApp(resolved);
  if (withHandler) {
    await withHandler.ready;
    const server = http.createServer(withHandler.handler);
    return listen(server, async () => {
      await closeServer(server);
      await withHandler.close?.();
    });
  }
  const listener = toListener(resolved);
  if (!listener) {
    throw new Error(
      `${what} is not a request handler, an app (Express, Koa, Connect, Fastify), an http.Server or a factory of one: got ${describe(resolved)}`,
    );
  }
  const server = http.createServer(listener);
  return listen(server, () => closeServer(server));
}

/**
 * `{ handler, ready?, close? }`: an app that owns resources (a Redis client…) and says when it
 * is ready and how to release them.
 */
function handlerApp(
  value: unknown,
): { handler: RequestListener; ready: unknown; close?: Callable } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { handler, ready } = value as { handler?: unknown; ready?: unknown };
  if (typeof handler !== 'function') return undefined;
  const close = method(value, 'close');
  return { handler: handler as RequestListener, ready, ...(close ? { close } : {}) };
}

/** A function of fewer than two parameters cannot be a `(req, res)` handler: it is a factory. */
async function callIfFactory(value: unknown): Promise<unknown> {
  if (
    typeof value === 'function' &&
    value.length < 2 &&
    !method(value, 'handle') &&
    !method(value, 'callback')
  ) {
    return await (value as () => unknown)();
  }
  return value;
}

function toListener(value: unknown): RequestListener | undefined {
  const callback = method(value, 'callback');
  if (callback) return callback() as RequestListener;
  if (typeof value === 'function') return value as RequestListener;
  const handle = method(value, 'handle');
  if (handle) return (req, res) => void handle(req, res);
  return undefined;
}

async function serveFastify(app: unknown, ready: Callable, server: http.Server): Promise<ServedApp> {
  await ready();
  const close = async (): Promise<void> => {
    await method(app, 'close')?.();
  };
  const listenMethod = method(app, 'listen');
  if (listenMethod) {
    await listenMethod({ port: 0, host: HOST });
    return { server, port: (server.address() as AddressInfo).port, close };
  }
  return listen(server, close);
}

function listen(server: http.Server, close: () => Promise<void>): Promise<ServedApp> {
  if (server.listening)
    return Promise.resolve({ server, port: (server.address() as AddressInfo).port, close });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => {
      server.off('error', reject);
      resolve({ server, port: (server.address() as AddressInfo).port, close });
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'function') return `a function of ${value.length} parameters`;
  if (typeof value === 'object')
    return `an object with keys ${Object.keys(value).slice(0, 8).join(', ') || '(none)'}`;
  return typeof value;
}
