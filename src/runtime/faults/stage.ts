import type { Chunk, StreamToxic, ToxicContext } from './toxic.js';

/** Marks the end of a direction (the sender's FIN) as it travels through the toxics. */
export const END_OF_STREAM = Symbol('end of stream');
export type StreamItem = Chunk | typeof END_OF_STREAM;

/** The next toxic of a direction, or the writer to the other side. */
export interface ItemReceiver {
  accept(item: StreamItem): void;
}

export interface StageOptions {
  next: ItemReceiver;
  create(context: ToxicContext): StreamToxic;
  close(): void;
  reset(): void;
  random(): number;
  /** A toxic threw: the connection cannot be trusted any more. */
  onFailure(error: unknown): void;
  /** Removal finished: everything the stage held was passed on, it can be unlinked. */
  onDrained(stage: ToxicStage): void;
}

/**
 * Runs one toxic on one direction like Toxiproxy's goroutine per toxic: items
 * queue up and the toxic handles one at a time, so each toxic keeps order while
 * toxics further along the direction keep working.
 */
export class ToxicStage implements ItemReceiver {
  next: ItemReceiver;
  private readonly queue: StreamItem[] = [];
  private readonly removal = new AbortController();
  private readonly toxic: StreamToxic;
  private running = false;

  constructor(private readonly options: StageOptions) {
    this.next = options.next;
    this.toxic = options.create({
      send: (chunk) => this.next.accept(chunk),
      close: options.close,
      reset: options.reset,
      random: options.random,
      removed: this.removal.signal,
    });
  }

  accept(item: StreamItem): void {
    this.queue.push(item);
    if (!this.running) void this.run();
  }

  /** Releases what the toxic holds, passes queued items on untouched, then reports `onDrained`. */
  remove(): void {
    if (this.removal.signal.aborted) return;
    this.removal.abort();
    this.toxic.dispose?.();
    if (!this.running) this.options.onDrained(this);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const item = this.queue.shift() as StreamItem;
        if (this.removal.signal.aborted) this.next.accept(item);
        else if (item === END_OF_STREAM) {
          const ending = this.toxic.end?.();
          if (ending) await ending;
          this.next.accept(item);
        } else {
          const piping = this.toxic.pipe(item);
          if (piping) await piping;
        }
      }
    } catch (error) {
      this.options.onFailure(error);
    }
    this.running = false;
    if (this.removal.signal.aborted) this.options.onDrained(this);
  }
}
