import type { Socket } from 'node:net';
import { END_OF_STREAM, type ItemReceiver, type StreamItem, type ToxicStage } from './stage.js';

/**
 * A protocol layer in front of a direction's toxics (the Redis layer): it sees every byte read
 * and decides what enters the chain, through `Link.pass`. It holds at most one partial frame.
 */
export interface LinkFilter {
  data(data: Buffer): void;
  /** The sender finished: pass on what is held, then `Link.finish`. */
  end(): void;
}

/** Bytes a direction may hold inside its toxics before the sender is paused (TCP back-pressure). */
const HELD_BYTES_LIMIT = 1024 * 1024;

/**
 * One direction of a proxied connection: bytes read from `source` go through
 * the direction's toxics, in the order they were added, and are written to
 * `destination`. Without toxics it is a plain pipe: no timestamps, no queues.
 */
export class Link {
  private readonly stages: ToxicStage[] = [];
  private readonly writer: ItemReceiver = { accept: (item) => this.write(item) };
  private head: ItemReceiver = this.writer;
  /** Bytes read but not yet written because a toxic holds them. */
  private heldBytes = 0;
  private shutDown = false;
  private filter: LinkFilter | undefined;

  constructor(
    private readonly source: Socket,
    private readonly destination: Socket,
  ) {
    source.on('data', (data: Buffer) => (this.filter ? this.filter.data(data) : this.pass(data)));
    source.on('end', () => (this.filter ? this.filter.end() : this.finish()));
    destination.on('drain', () => this.resumeIfRoom());
  }

  /** Puts a protocol layer in front of the toxics; set before any data is read. */
  setFilter(filter: LinkFilter): void {
    this.filter = filter;
  }

  /** Data into the toxics (or straight out without any). */
  pass(data: Buffer): void {
    if (this.shutDown || data.length === 0) return;
    if (this.stages.length === 0) {
      if (!this.destination.write(data)) this.source.pause();
      return;
    }
    this.heldBytes += data.length;
    this.head.accept({ data, readAt: performance.now() });
    if (this.heldBytes + this.destination.writableLength > HELD_BYTES_LIMIT) this.source.pause();
  }

  /** The end of the direction (the sender's FIN), after everything passed. */
  finish(): void {
    this.head.accept(END_OF_STREAM);
  }

  /** The last stage in the chain, receiving what earlier stages pass on (Toxiproxy appends too). */
  append(stage: ToxicStage): void {
    const last = this.stages.at(-1);
    if (last) last.next = stage;
    else this.head = stage;
    stage.next = this.writer;
    this.stages.push(stage);
  }

  /** Unlinks a stage that has passed on everything it held. */
  unlink(stage: ToxicStage): void {
    const index = this.stages.indexOf(stage);
    if (index === -1) return;
    const previous = this.stages[index - 1];
    if (previous) previous.next = stage.next;
    else this.head = stage.next;
    this.stages.splice(index, 1);
    this.resumeIfRoom();
  }

  /** Stops writing: the connection is closing and whatever is still held is dropped. */
  stop(): void {
    this.shutDown = true;
    for (const stage of [...this.stages]) stage.remove();
  }

  private write(item: StreamItem): void {
    if (this.shutDown) return;
    if (item === END_OF_STREAM) {
      this.destination.end();
      return;
    }
    this.heldBytes -= item.data.length;
    this.destination.write(item.data);
    this.resumeIfRoom();
  }

  private resumeIfRoom(): void {
    if (this.shutDown || !this.source.isPaused()) return;
    const limit = this.stages.length === 0 ? 0 : HELD_BYTES_LIMIT;
    if (this.heldBytes + this.destination.writableLength <= limit) this.source.resume();
  }
}
