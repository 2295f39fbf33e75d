/**
 * Frame boundaries in a RESP2/RESP3 byte stream, for the fault proxy's Redis layer: where one
 * request (a multibulk of bulk strings, or an inline command) or one reply ends. Nothing is
 * decoded beyond what that needs: the proxy passes the bytes on as they came.
 */

const CR = 0x0d;
const LF = 0x0a;
/** Redis's own limits: an inline command or a multibulk header line may not be longer. */
const MAX_LINE = 64 * 1024;

/** The stream is not RESP (or uses a part we do not follow, such as streamed strings). */
export class RespProtocolError extends Error {}

/** Index of the CR of the next CRLF at or after `from`, or -1 when the line is not complete yet. */
function lineEnd(buffer: Buffer, from: number): number {
  const cr = buffer.indexOf(CR, from);
  if (cr === -1) {
    if (buffer.length - from > MAX_LINE) throw new RespProtocolError('line longer than 64 KiB');
    return -1;
  }
  if (cr + 1 >= buffer.length) return -1;
  if (buffer[cr + 1] !== LF) throw new RespProtocolError('CR not followed by LF');
  return cr;
}

function integer(buffer: Buffer, start: number, end: number): number {
  const text = buffer.toString('latin1', start, end);
  if (!/^-?\d{1,19}$/.test(text)) throw new RespProtocolError(`not a length: ${JSON.stringify(text)}`);
  return Number(text);
}

/**
 * End (exclusive) of the reply that starts at `start`, or undefined when it is not complete
 * yet. An attribute (`|`) belongs to the reply it precedes. Iterative, so deep nesting cannot
 * overflow the stack.
 */
export function replyEnd(buffer: Buffer, start: number): number | undefined {
  let position = start;
  let remaining = 1;
  while (remaining > 0) {
    if (position >= buffer.length) return undefined;
    const type = buffer[position]!;
    const cr = lineEnd(buffer, position + 1);
    if (cr === -1) return undefined;
    const next = cr + 2;
    remaining--;
    switch (type) {
      case 0x2b: // + simple string
      case 0x2d: // - error
      case 0x3a: // : integer
      case 0x5f: // _ null
      case 0x2c: // , double
      case 0x23: // # boolean
      case 0x28: // ( big number
        position = next;
        break;
      case 0x24: // $ bulk string
      case 0x21: // ! bulk error
      case 0x3d: {
        // = verbatim string
        const length = integer(buffer, position + 1, cr);
        if (length < 0) {
          position = next;
          break;
        }
        const end = next + length + 2;
        if (end > buffer.length) return undefined;
        if (buffer[end - 2] !== CR || buffer[end - 1] !== LF)
          throw new RespProtocolError('bulk string not followed by CRLF');
        position = end;
        break;
      }
      case 0x2a: // * array
      case 0x7e: // ~ set
      case 0x3e: {
        // > push
        const count = integer(buffer, position + 1, cr);
        if (count > 0) remaining += count;
        position = next;
        break;
      }
      case 0x25: // % map
        remaining += 2 * pairs(buffer, position + 1, cr);
        position = next;
        break;
      case 0x7c: // | attribute: its pairs, then the reply it describes
        remaining += 2 * pairs(buffer, position + 1, cr) + 1;
        position = next;
        break;
      default:
        throw new RespProtocolError(`unknown type byte 0x${type.toString(16)}`);
    }
  }
  return position;
}

function pairs(buffer: Buffer, start: number, end: number): number {
  const count = integer(buffer, start, end);
  if (count < 0) throw new RespProtocolError('negative map length');
  return count;
}

export interface Request {
  /** End (exclusive) of the request in the buffer. */
  end: number;
  /** The command and its first argument, upper-cased (`CLIENT`, `REPLY`); empty for an empty request. */
  words: string[];
}

/**
 * The request that starts at `start`, or undefined when it is not complete yet. Redis reads
 * a multibulk of bulk strings (`*2\r\n$3\r\nGET\r\n$1\r\nk\r\n`) or an inline command
 * (`GET k\r\n`, as telnet sends); an empty multibulk or blank inline line gets no reply.
 */
export function readRequest(buffer: Buffer, start: number): Request | undefined {
  if (start >= buffer.length) return undefined;
  if (buffer[start] !== 0x2a) return readInline(buffer, start);
  const cr = lineEnd(buffer, start + 1);
  if (cr === -1) return undefined;
  const count = integer(buffer, start + 1, cr);
  let position = cr + 2;
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    if (position >= buffer.length) return undefined;
    if (buffer[position] !== 0x24) throw new RespProtocolError('a request argument is not a bulk string');
    const header = lineEnd(buffer, position + 1);
    if (header === -1) return undefined;
    const length = integer(buffer, position + 1, header);
    if (length < 0) throw new RespProtocolError('negative bulk length in a request');
    const body = header + 2;
    const end = body + length + 2;
    if (end > buffer.length) return undefined;
    if (buffer[end - 2] !== CR || buffer[end - 1] !== LF)
      throw new RespProtocolError('bulk string not followed by CRLF');
    if (i < 2) words.push(buffer.toString('utf8', body, body + length).toUpperCase());
    position = end;
  }
  return { end: position, words };
}

function readInline(buffer: Buffer, start: number): Request | undefined {
  const lf = buffer.indexOf(LF, start);
  if (lf === -1) {
    if (buffer.length - start > MAX_LINE) throw new RespProtocolError('inline command longer than 64 KiB');
    return undefined;
  }
  const line = buffer.toString('utf8', start, lf).replace(/\r$/, '');
  const words = line
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 2)
    .map((word) => word.toUpperCase());
  return { end: lf + 1, words };
}
