/**
 * The HTTP driver: sends the runtime's `HttpRequest`s to one base URL over a keep-alive
 * undici Pool, with a deadline per request covering headers and body.
 */
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { HttpRequest, HttpResponse } from '../types.js';
import { TransportError, toTransportError } from './errors.js';
import { toHttpResponse } from './response.js';

export { TransportError, toTransportError } from './errors.js';
export type { TransportErrorCode } from './errors.js';
export { normalizeHeaders, parseJsonBody, toHttpResponse } from './response.js';

export interface HttpDriver {
  readonly baseUrl: string;
  send(request: HttpRequest, options?: { timeoutMs?: number }): Promise<HttpResponse>;
  /** Drops pooled connections, e.g. after the server behind them restarted. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface HttpDriverOptions {
  /** Default per-request deadline, ms (default 10 s). */
  timeoutMs?: number;
  /** Most sockets kept open to the server (default 256: `repeat` with high concurrency). */
  connections?: number;
}

export function createHttpDriver(baseUrl: string, options: HttpDriverOptions = {}): HttpDriver {
  const url = new URL(baseUrl);
  const origin = url.origin;
  // A base URL with a path prefix (a url target behind a gateway) is kept in front of every path.
  const prefix = url.pathname.replace(/\/$/, '');
  const defaultTimeout = options.timeoutMs ?? 10_000;
  const newPool = (): Pool => new Pool(origin, { connections: options.connections ?? 256, pipelining: 1 });
  let pool = newPool();

  async function send(request: HttpRequest, sendOptions: { timeoutMs?: number } = {}): Promise<HttpResponse> {
    const timeoutMs = sendOptions.timeoutMs ?? defaultTimeout;
    const path = prefix + (request.path.startsWith('/') ? request.path : `/${request.path}`);
    const target = `${request.method.toUpperCase()} ${origin}${path}`;
    const controller = new AbortController();
    const started = performance.now();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await pool.request({
        path,
        method: request.method.toUpperCase() as Dispatcher.HttpMethod,
        headers: request.headers,
        body: request.body ?? null,
        signal: controller.signal,
        // The abort above is the one deadline; undici's own would only fire later.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      const text = await response.body.text();
      return toHttpResponse(response.statusCode, response.headers, text);
    } catch (error) {
      if (controller.signal.aborted) {
        const waited = Math.round(performance.now() - started);
        throw new TransportError('ETIMEDOUT', target, `no full response within ${timeoutMs} ms, waited ${waited} ms`, {
          cause: error,
        });
      }
      throw toTransportError(error, target);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    baseUrl,
    send,
    async reset() {
      const old = pool;
      pool = newPool();
      await old.destroy();
    },
    close: () => pool.destroy(),
  };
}
