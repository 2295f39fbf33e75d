/**
 * A small real card provider for the payments reference's own tests: records every call and
 * answers from a script (one behaviour per call, the last one repeating).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type StubBehaviour =
  | { kind: 'charge'; delayMs?: number }
  | { kind: 'decline' }
  | { kind: 'status'; status: number }
  | { kind: 'silent' }
  | { kind: 'reset' };

export interface RecordedCall {
  at: number;
  headers: IncomingMessage['headers'];
  body: { amount_cents?: number; currency?: string; reference?: string };
}

export interface CardProviderStub {
  url: string;
  calls: RecordedCall[];
  /** Behaviours for the next calls, in order; the last repeats. */
  script(...behaviours: StubBehaviour[]): void;
  close(): Promise<void>;
}

export async function startCardProviderStub(): Promise<CardProviderStub> {
  const calls: RecordedCall[] = [];
  let behaviours: StubBehaviour[] = [{ kind: 'charge' }];
  let served = 0;
  const sockets = new Set<Socket>();

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      calls.push({ at: performance.now(), headers: request.headers, body: JSON.parse(text || '{}') });
      const behaviour = behaviours[Math.min(served, behaviours.length - 1)]!;
      served += 1;
      switch (behaviour.kind) {
        case 'charge':
          setTimeout(() => answer(response, 201, { id: `ch_${calls.length}` }), behaviour.delayMs ?? 0);
          return;
        case 'decline':
          return answer(response, 402, { error: 'card_declined' });
        case 'status':
          return answer(response, behaviour.status, { error: 'unavailable' });
        case 'silent':
          return;
        case 'reset':
          request.socket.resetAndDestroy();
          return;
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    script(...next) {
      behaviours = next;
      served = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
