import { connect, type Socket } from 'node:net';

/** What a raw client saw on one connection: the bytes with arrival times, and how it ended. */
export interface Observed {
  chunks: { data: Buffer; at: number }[];
  endedAt?: number;
  closedAt?: number;
  error?: NodeJS.ErrnoException;
}

export interface RawClient {
  socket: Socket;
  observed: Observed;
  /** Resolves when the socket is closed (by either side, with or without error). */
  closed: Promise<void>;
  bytes(): Buffer;
  /** Resolves once at least `count` bytes arrived (or rejects if the socket closes first). */
  waitForBytes(count: number): Promise<void>;
}

/** A plain TCP client to 127.0.0.1:port recording everything it receives. */
export async function connectRaw(port: number): Promise<RawClient> {
  const socket = connect({ host: '127.0.0.1', port, noDelay: true });
  const observed: Observed = { chunks: [] };
  const waiters = new Set<() => void>();
  socket.on('data', (data: Buffer) => {
    observed.chunks.push({ data, at: performance.now() });
    for (const waiter of waiters) waiter();
  });
  socket.on('end', () => {
    observed.endedAt = performance.now();
  });
  socket.on('error', (error) => {
    observed.error = error;
  });
  const closed = new Promise<void>((resolve) =>
    socket.on('close', () => {
      observed.closedAt = performance.now();
      for (const waiter of waiters) waiter();
      resolve();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const bytes = (): Buffer => Buffer.concat(observed.chunks.map((chunk) => chunk.data));
  return {
    socket,
    observed,
    closed,
    bytes,
    waitForBytes(count) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (bytes().length >= count) {
            waiters.delete(check);
            resolve();
          } else if (observed.closedAt !== undefined) {
            waiters.delete(check);
            reject(new Error(`closed after ${bytes().length} of ${count} bytes`));
          }
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** The error code a fresh connection to the port fails with, or undefined when it connects. */
export function connectError(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
  });
}
