/**
 * Module targets: the implementation imported in-process (through tsx, so TypeScript
 * works), served on a loopback port and driven with supertest.
 */
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import request from 'supertest';
import { tsImport } from 'tsx/esm/api';
import type { ModuleTarget } from '../../ir.js';
import { toHttpResponse, toTransportError } from '../driver/index.js';
import type { HttpRequest, HttpResponse, RunningTarget, StartOptions } from '../types.js';
import { serveExport, type ServedApp } from './module-app.js';
import { captureOutput, runAsInstance } from './module-output.js';

type TestRequest = request.Test;

export async function startModuleTarget(
  config: ModuleTarget,
  options: StartOptions & { root: string },
): Promise<RunningTarget> {
  const what = `${config.module}#${config.export}`;
  const restoreEnv = applyEnv({ ...config.env, ...options.env });
  const output = captureOutput();
  // Each instance is its own import: instances share nothing but what the implementation
  // keeps outside the process (Redis, PostgreSQL), as separate processes would.
  const apps: ServedApp[] = [];
  try {
    for (let index = 0; index < options.instances; index++)
      apps.push(await runAsInstance(index, () => load(config, options.root, what)));
  } catch (error) {
    await Promise.all(apps.map((app) => app.close()));
    output.stop();
    restoreEnv();
    throw error;
  }
  const appAt = (index: number): ServedApp => {
    const app = apps[index];
    if (!app) throw new Error(`no instance ${index}: this module target runs ${apps.length}`);
    return app;
  };

  return {
    description: `module: ${what}${apps.length > 1 ? ` (${apps.length} instances)` : ''}`,
    instances: apps.map((_, index) => ({
      index,
      get baseUrl() {
        return `http://127.0.0.1:${appAt(index).port}`;
      },
      // The server was made inside the instance's context; the client side is marked too, for
      // handlers that run in the caller's context (supertest can start its own server).
      send: (httpRequest: HttpRequest, sendOptions?: { timeoutMs?: number }) =>
        runAsInstance(index, () =>
          sendWithSupertest(appAt(index), httpRequest, sendOptions?.timeoutMs ?? 10_000),
        ),
    })),
    logs: () => output.lines(),
    async restart(index) {
      await appAt(index).close();
      // A fresh import: module state is lost, as in a process restart.
      apps[index] = await runAsInstance(index, () => load(config, options.root, what));
    },
    assertAlive() {
      const stopped = apps.findIndex((app) => !app.server.listening);
      if (stopped >= 0) throw new Error(`module target ${what}: instance ${stopped} is no longer listening`);
    },
    async stop() {
      await Promise.all(apps.map((app) => app.close()));
      output.stop();
      restoreEnv();
    },
  };
}

async function load(config: ModuleTarget, root: string, what: string): Promise<ServedApp> {
  const url = pathToFileURL(resolvePath(root, config.module)).href;
  // tsImport gives each call its own module instances, so a restart starts from scratch.
  const namespace = (await tsImport(url, import.meta.url)) as Record<string, unknown>;
  if (!(config.export in namespace)) {
    const available = Object.keys(namespace).join(', ') || '(none)';
    throw new Error(`${config.module} has no export \`${config.export}\`; it exports: ${available}`);
  }
  return serveExport(namespace[config.export], what);
}

/** Sets the target's env for the import and the life of the target; returns the undo. */
function applyEnv(env: Record<string, string>): () => void {
  const previous = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(env)) {
    previous.set(name, process.env[name]);
    process.env[name] = value;
  }
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

async function sendWithSupertest(
  app: ServedApp,
  httpRequest: HttpRequest,
  timeoutMs: number,
): Promise<HttpResponse> {
  const method = httpRequest.method.toLowerCase();
  const agent = request(app.server) as unknown as Record<string, ((path: string) => TestRequest) | undefined>;
  const start = agent[method];
  if (typeof start !== 'function')
    throw new Error(`HTTP method ${httpRequest.method} is not supported by supertest`);
  let pending = start
    .call(agent, httpRequest.path)
    .redirects(0)
    .ok(() => true)
    .timeout(timeoutMs)
    .buffer(true)
    .parse(collectText);
  for (const [name, value] of Object.entries(httpRequest.headers)) pending = pending.set(name, value);
  if (httpRequest.body !== undefined) {
    // superagent serialises an object body (a Buffer too) as JSON when the type is JSON, and
    // invents a form type for a string without one: so a string with a type, else a Buffer.
    const typed = Object.keys(httpRequest.headers).some((name) => name.toLowerCase() === 'content-type');
    pending = pending.send(typed ? httpRequest.body : Buffer.from(httpRequest.body));
  }
  try {
    const response = await pending;
    return toHttpResponse(
      response.status,
      response.headers as Record<string, string | string[]>,
      response.body as string,
    );
  } catch (error) {
    throw toTransportError(error, `${httpRequest.method.toUpperCase()} module:${httpRequest.path}`);
  }
}

/** superagent parser that keeps the body as text, whatever the content type. */
function collectText(response: request.Response, done: (error: Error | null, body: string) => void): void {
  // superagent hands parsers the raw node:http response stream, typed as its Response.
  const stream = response as unknown as NodeJS.ReadableStream;
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  stream.on('end', () => done(null, text));
  stream.on('error', (error: Error) => done(error, text));
}
