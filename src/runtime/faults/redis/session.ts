/**
 * The Redis layer of one proxied connection: it follows the RESP requests of the client and the
 * replies of the server, so a Redis fault can answer chosen commands with an error instead of
 * forwarding them, in the right place among the replies to pipelined commands: a faulted
 * command's error goes out after the server's replies to the commands sent before it.
 *
 * Connections that leave request/reply (SUBSCRIBE, MONITOR, CLIENT REPLY, replication) and
 * streams that are not RESP (TLS, a protocol error) become plain pipes: no fault applies there.
 */
import { LEAVING_REQUEST_REPLY, NEVER_FAULTED } from '../../../redis-faults.js';
import type { Link } from '../link.js';
import { readRequest, replyEnd, RespProtocolError } from './resp.js';

/** Picks the error reply (`-OOM …\r\n`) for a command, or undefined to forward it. */
export type RedisFaultChooser = (command: string) => Buffer | undefined;

type Slot = { kind: 'forward' } | { kind: 'swallow' } | { kind: 'inject'; reply: Buffer };

const PUSH = 0x3e;
/** Sent instead of a faulted EXEC, so the server leaves the transaction the client thinks failed. */
const DISCARD = Buffer.from('*1\r\n$7\r\nDISCARD\r\n');
const EMPTY = Buffer.alloc(0);

/** After these the server sends replies that no request matches one to one. */
function leavesRequestReply(command: string, argument: string): boolean {
  return LEAVING_REQUEST_REPLY.includes(command) || (command === 'CLIENT' && argument === 'REPLY');
}

export class RedisSession {
  /** One slot per request sent and not answered yet, in order. */
  private readonly slots: Slot[] = [];
  private heldRequest: Buffer = EMPTY;
  private heldReply: Buffer = EMPTY;
  /** Bytes of the held (partial) reply already passed on. */
  private replyPassed = 0;
  private inTransaction = false;
  private requestsRaw = false;
  private repliesRaw = false;

  constructor(
    private readonly upstream: Link,
    private readonly downstream: Link,
    private readonly choose: RedisFaultChooser,
  ) {
    upstream.setFilter({ data: (data) => this.requests(data), end: () => this.requestsEnded() });
    downstream.setFilter({ data: (data) => this.replies(data), end: () => this.repliesEnded() });
  }

  private requests(data: Buffer): void {
    if (this.requestsRaw) return this.upstream.pass(data);
    const buffer = this.heldRequest.length > 0 ? Buffer.concat([this.heldRequest, data]) : data;
    let offset = 0;
    let passFrom = 0;
    try {
      for (let request = readRequest(buffer, 0); request; request = readRequest(buffer, offset)) {
        const [command = '', argument = ''] = request.words;
        const reply = command === '' ? undefined : this.faultFor(command);
        if (reply) {
          this.upstream.pass(buffer.subarray(passFrom, offset));
          if (command === 'EXEC' && this.inTransaction) {
            this.upstream.pass(DISCARD);
            this.slots.push({ kind: 'swallow' });
            this.inTransaction = false;
          }
          this.slots.push({ kind: 'inject', reply });
          passFrom = request.end;
          this.flushInjected();
        } else if (command !== '') {
          this.slots.push({ kind: 'forward' });
          if (command === 'MULTI') this.inTransaction = true;
          else if (command === 'EXEC' || command === 'DISCARD') this.inTransaction = false;
          else if (leavesRequestReply(command, argument)) {
            this.requestsRaw = true;
            offset = buffer.length;
            break;
          }
        }
        offset = request.end;
      }
    } catch (error) {
      if (!(error instanceof RespProtocolError)) throw error;
      this.requestsRaw = true;
      offset = buffer.length;
    }
    this.upstream.pass(buffer.subarray(passFrom, offset));
    this.heldRequest = buffer.subarray(offset);
  }

  /** Commands of a transaction are queued by the server, not run: only its EXEC can fail. */
  private faultFor(command: string): Buffer | undefined {
    if (NEVER_FAULTED.includes(command) || (this.inTransaction && command !== 'EXEC')) return undefined;
    return this.choose(command);
  }

  private requestsEnded(): void {
    this.upstream.pass(this.heldRequest);
    this.heldRequest = EMPTY;
    this.upstream.finish();
  }

  private replies(data: Buffer): void {
    if (this.repliesRaw) return this.downstream.pass(data);
    const buffer = this.heldReply.length > 0 ? Buffer.concat([this.heldReply, data]) : data;
    let offset = 0;
    try {
      for (let end = replyEnd(buffer, 0); end !== undefined; end = replyEnd(buffer, offset)) {
        // A RESP3 push (invalidation, pub/sub message) answers no request.
        const slot = buffer[offset] === PUSH ? undefined : this.slots.shift();
        if (slot?.kind !== 'swallow') this.downstream.pass(buffer.subarray(offset + this.replyPassed, end));
        this.replyPassed = 0;
        offset = end;
        this.flushInjected();
        if (this.requestsRaw && this.slots.every((waiting) => waiting.kind === 'forward')) {
          this.repliesRaw = true;
          break;
        }
      }
    } catch (error) {
      if (!(error instanceof RespProtocolError)) throw error;
      this.repliesRaw = true;
    }
    if (this.repliesRaw) {
      this.downstream.pass(buffer.subarray(offset + this.replyPassed));
      this.heldReply = EMPTY;
      this.replyPassed = 0;
      this.flushInjected(true);
      return;
    }
    const rest = buffer.subarray(offset);
    // A large reply flows on as it comes; only its end is looked for.
    if (rest.length > 0 && rest[0] !== PUSH && this.slots[0]?.kind !== 'swallow') {
      this.downstream.pass(rest.subarray(this.replyPassed));
      this.replyPassed = rest.length;
    }
    this.heldReply = rest;
  }

  private repliesEnded(): void {
    if (!this.repliesRaw) this.downstream.pass(this.heldReply.subarray(this.replyPassed));
    this.heldReply = EMPTY;
    this.flushInjected(true);
    this.downstream.finish();
  }

  /**
   * Sends the injected replies now at the head of the queue. Never inside a reply that is
   * partly passed; `all` (the stream ended or stopped being RESP) sends every one left.
   */
  private flushInjected(all = false): void {
    if (this.replyPassed > 0 && !all) return;
    while (this.slots.length > 0) {
      const head = this.slots[0]!;
      if (head.kind === 'inject') this.downstream.pass(head.reply);
      else if (!all) return;
      this.slots.shift();
    }
  }
}
