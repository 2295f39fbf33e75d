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

/**
 * One request/response as an undici dispatch handler: the body is collected as Buffers,
 * without the stream that `pool.request` builds (a third of the throughput), and the
 * deadline is one timer covering queueing, headers and body.
 */
class Exchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = {};
  private readonly chunks: Buffer[] = [];
  private settled = false;
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();

  constructor(
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: TransportError) => void,
    /** `GET http://127.0.0.1:4000` and the path, joined only when an error needs them. */
    private readonly methodAndOrigin: string,
    private readonly path: string,
    private readonly timeoutMs: number,
  ) {
    this.timer = setTimeout(() => this.timeOut(), timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.settled) controller.abort(new Error('request timed out before it was sent'));
    else this.controller = controller;
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (!this.settle()) return;
    const text =
      this.chunks.length === 1
        ? this.chunks[0]!.toString('utf8')
        : Buffer.concat(this.chunks).toString('utf8');
    this.resolve(toHttpResponse(this.status, this.headers, text));
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.settle()) this.reject(toTransportError(error, this.target()));
  }

  private timeOut(): void {
    if (!this.settle()) return;
    const waited = Math.round(performance.now() - this.started);
    const error = new TransportError(
      'ETIMEDOUT',
      this.target(),
      `no full response within ${this.timeoutMs} ms, waited ${waited} ms`,
    );
    this.controller?.abort(error);
    this.reject(error);
  }

  /** False when the exchange had already ended. */
  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    clearTimeout(this.timer);
    return true;
  }

  private target(): string {
    return `${this.methodAndOrigin}${this.path}`;
  }
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

  function send(request: HttpRequest, sendOptions: { timeoutMs?: number } = {}): Promise<HttpResponse> {
    const path = prefix + (request.path.charCodeAt(0) === 47 ? request.path : `/${request.path}`);
    const method = request.method.toUpperCase();
    return new Promise((resolve, reject) => {
      const exchange = new Exchange(
        resolve,
        reject,
        `${method} ${origin}`,
        path,
        sendOptions.timeoutMs ?? defaultTimeout,
      );
      pool.dispatch(
        {
          path,
          method: method as Dispatcher.HttpMethod,
          headers: request.headers,
          body: request.body ?? null,
          // The exchange's timer is the one deadline; undici's own would only fire later.
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        exchange,
      );
    });
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
