import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http-io.js';
import type { User } from './types.js';

const MAX_ECHO_BYTES = 1024 * 1024;

/** The API behind the limiter; runs only for authenticated requests that passed the limit. */
export async function routeApi(req: IncomingMessage, res: ServerResponse, path: string, user: User) {
  if (path === '/api/ping') {
    if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
    return sendJson(res, 200, { ok: true, user: user.id });
  }
  if (path === '/api/echo') {
    if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
    return echo(req, res);
  }
  sendJson(res, 404, { error: 'not_found' });
}

async function echo(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req, MAX_ECHO_BYTES);
  if (text === undefined) return sendJson(res, 413, { error: 'payload_too_large' });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return sendJson(res, 400, { error: 'invalid_json' });
  }
  sendJson(res, 200, body);
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  sendJson(res, 405, { error: 'method_not_allowed' }, { allow });
}
