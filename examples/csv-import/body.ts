/** Reads a request body without ever holding more than the limit plus one chunk. */
import type { IncomingMessage } from 'node:http';

export type BodyResult = { kind: 'complete'; bytes: Buffer } | { kind: 'too_large' } | { kind: 'aborted' };

/**
 * Resolves `too_large` as soon as more than `maxBytes` arrived, dropping what was read;
 * the rest of the request is left unread for the caller to discard.
 */
export function readBodyWithLimit(request: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onAbort);
      request.off('aborted', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish({ kind: 'too_large' });
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => finish({ kind: 'complete', bytes: Buffer.concat(chunks, size) });
    const onAbort = () => finish({ kind: 'aborted' });
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onAbort);
    request.on('aborted', onAbort);
  });
}
