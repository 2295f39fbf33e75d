/**
 * What a toxic module is. A toxic either sits on one direction of every
 * affected connection (a stream toxic, like Toxiproxy's) or acts on the whole
 * proxy (`down`). The proxy, connections and links only speak these types. A
 * toxic's attributes (names, units, defaults, bounds) are declared in
 * src/toxics.ts, which the parser and the schema read too; `create` receives
 * them checked and with defaults filled in.
 */
import type { ToxicType } from '../../ir.js';

/** Bytes read from one side, with the `performance.now()` time they were read (latency counts from it). */
export interface Chunk {
  data: Buffer;
  readAt: number;
}

/** The connection a stream toxic sits on, seen from the toxic. */
export interface ToxicContext {
  /** Passes data on, in order, to the next toxic of the direction (or to the other side). */
  send(chunk: Chunk): void;
  /** Closes both sides of the connection (FIN after what was already written). */
  close(): void;
  /** Resets both sides of the connection (TCP RST). */
  reset(): void;
  /** Seeded random number in [0, 1) of this toxic on this connection (jitter, slice sizes). */
  random(): number;
  /**
   * Aborted when the toxic is removed or the connection closes. A toxic holding
   * data then sends on what it holds at once and returns, so no byte is lost.
   */
  readonly removed: AbortSignal;
}

/** One stream toxic on one direction of one connection. */
export interface StreamToxic {
  /** Handles one chunk; the next chunk waits until the returned promise settles, which keeps order. */
  pipe(chunk: Chunk): void | Promise<void>;
  /** The sending side finished (FIN); the end is passed on when the returned promise settles. */
  end?(): void | Promise<void>;
  /** Frees timers; called once when the toxic is removed or the connection closes. */
  dispose?(): void;
}

interface DefinitionBase<T extends ToxicType> {
  type: T;
}

export interface StreamToxicDefinition<T extends ToxicType = ToxicType> extends DefinitionBase<T> {
  scope: 'stream';
  create(attributes: Readonly<Record<string, number>>, context: ToxicContext): StreamToxic;
}

/** The proxy as a proxy-wide toxic sees it. */
export interface ProxyControl {
  /** Stops listening (new connections are refused) and closes open connections. */
  disable(): void;
  /** Undoes one `disable`; the proxy listens again on the same port once nothing disables it. */
  enable(): void;
}

export interface ProxyToxicDefinition<T extends ToxicType = ToxicType> extends DefinitionBase<T> {
  scope: 'proxy';
  /** Applies the toxic; returns what heals it. Stream and toxicity do not apply. */
  apply(proxy: ProxyControl): () => void;
}

export type ToxicDefinition<T extends ToxicType = ToxicType> =
  StreamToxicDefinition<T> | ProxyToxicDefinition<T>;
