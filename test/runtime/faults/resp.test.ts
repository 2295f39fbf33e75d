import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { readRequest, replyEnd, RespProtocolError } from '../../../src/runtime/faults/redis/resp.js';

/** RESP2/RESP3 replies, encoded: scalars, bulk strings with CR/LF inside, and nested aggregates. */
const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '\r', '\n', 'é', '$', '*') });
const line = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '-', '.', 'é') });
const bulk = (type: string) => text.map((value) => `${type}${Buffer.byteLength(value)}\r\n${value}\r\n`);
const { reply } = fc.letrec<{ reply: string }>((tie) => ({
  reply: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    line.map((value) => `+${value}\r\n`),
    line.map((value) => `-ERR ${value}\r\n`),
    fc.integer().map((value) => `:${value}\r\n`),
    fc.constantFrom('_\r\n', '#t\r\n', ',1.5\r\n', '(12345678901234567890\r\n', '$-1\r\n', '*-1\r\n'),
    bulk('$'),
    bulk('!'),
    text.map((value) => `=${Buffer.byteLength(value) + 4}\r\ntxt:${value}\r\n`),
    ...(['*', '~', '>'] as const).map((type) =>
      fc.array(tie('reply'), { maxLength: 4 }).map((items) => `${type}${items.length}\r\n${items.join('')}`),
    ),
    fc
      .array(fc.tuple(tie('reply'), tie('reply')), { maxLength: 3 })
      .map((pairs) => `%${pairs.length}\r\n${pairs.flat().join('')}`),
    fc
      .tuple(fc.array(fc.tuple(tie('reply'), tie('reply')), { minLength: 1, maxLength: 2 }), tie('reply'))
      .map(([pairs, value]) => `|${pairs.length}\r\n${pairs.flat().join('')}${value}`),
  ),
}));

const request = fc
  .array(text, { minLength: 1, maxLength: 5 })
  .map(
    (words) =>
      `*${words.length}\r\n${words.map((word) => `$${Buffer.byteLength(word)}\r\n${word}\r\n`).join('')}`,
  );

/** Feeds the stream in chunks as a socket would, returning the frame ends the scanner found. */
function scan(
  stream: Buffer,
  cuts: number[],
  end: (buffer: Buffer, start: number) => number | undefined,
): number[] {
  const found: number[] = [];
  let held = Buffer.alloc(0);
  let consumed = 0;
  const points = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...points, stream.length]) {
    held = Buffer.concat([held, stream.subarray(from, to)]);
    from = to;
    let offset = 0;
    for (let next = end(held, 0); next !== undefined; next = end(held, offset)) {
      found.push(consumed + next);
      offset = next;
    }
    consumed += offset;
    held = held.subarray(offset);
  }
  expect(held.length).toBe(0);
  return found;
}

function ends(frames: string[]): number[] {
  let at = 0;
  return frames.map((frame) => (at += Buffer.byteLength(frame)));
}

describe('replyEnd', () => {
  test.prop([fc.array(reply, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 })])(
    'finds each reply of a stream cut anywhere',
    (replies, cuts) => {
      expect(scan(Buffer.from(replies.join('')), cuts, replyEnd)).toEqual(ends(replies));
    },
  );

  test.prop([reply, fc.nat()])('an incomplete reply is not complete', (one, cut) => {
    const bytes = Buffer.from(one);
    expect(replyEnd(bytes.subarray(0, cut % bytes.length), 0)).toBeUndefined();
  });

  test('rejects what is not RESP', () => {
    for (const bad of ['?x\r\n', '$3\r\nabcd\r\n', '*x\r\n', '+ok\rx', '%-1\r\n'])
      expect(() => replyEnd(Buffer.from(bad), 0), bad).toThrow(RespProtocolError);
  });
});

describe('readRequest', () => {
  test.prop([fc.array(request, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 })])(
    'finds each request of a pipeline cut anywhere',
    (requests, cuts) => {
      const found = scan(
        Buffer.from(requests.join('')),
        cuts,
        (buffer, start) => readRequest(buffer, start)?.end,
      );
      expect(found).toEqual(ends(requests));
    },
  );

  test('names the command and its first argument, upper-cased; inline commands too', () => {
    expect(readRequest(Buffer.from('*3\r\n$6\r\nclient\r\n$5\r\nreply\r\n$3\r\noff\r\n'), 0)?.words).toEqual([
      'CLIENT',
      'REPLY',
    ]);
    expect(readRequest(Buffer.from('  zadd k 1 m\r\n'), 0)).toEqual({ end: 14, words: ['ZADD', 'K'] });
    expect(readRequest(Buffer.from('\r\n'), 0)).toEqual({ end: 2, words: [] });
    expect(readRequest(Buffer.from('*0\r\n'), 0)).toEqual({ end: 4, words: [] });
    expect(readRequest(Buffer.from('PING'), 0)).toBeUndefined();
  });

  test('rejects what Redis would not read as a request', () => {
    for (const bad of ['*1\r\n:1\r\n', '*1\r\n$-1\r\n', '*1\r\n$2\r\nabc\r\n'])
      expect(() => readRequest(Buffer.from(bad), 0), bad).toThrow(RespProtocolError);
  });
});
