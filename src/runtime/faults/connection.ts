import type { Socket } from 'node:net';
import { Link } from './link.js';
import { RedisSession, type RedisFaultChooser } from './redis/session.js';
import { ToxicStage } from './stage.js';
import type { StreamToxicDefinition } from './toxic.js';

export interface StreamToxicPlacement {
  name: string;
  stream: 'upstream' | 'downstream';
  definition: StreamToxicDefinition;
  attributes: Readonly<Record<string, number>>;
  random(): number;
}

/**
 * One accepted connection and its connection to the upstream: the `upstream`
 * link carries client → server bytes, the `downstream` link server → client.
 * An error on either side resets the other, so a client sees a broken
 * upstream as a reset rather than a clean close.
 */
export class ProxyConnection {
  private readonly links: Record<'upstream' | 'downstream', Link>;
  private readonly stages = new Map<string, { stage: ToxicStage; link: Link }>();
  private ending = false;
  private openSockets = 2;

  constructor(
    private readonly client: Socket,
    private readonly server: Socket,
    onClosed: (connection: ProxyConnection) => void,
    /** For a Redis service: the RESP layer that lets Redis faults answer commands. */
    redisFaults?: RedisFaultChooser,
  ) {
    this.links = { upstream: new Link(client, server), downstream: new Link(server, client) };
    if (redisFaults) new RedisSession(this.links.upstream, this.links.downstream, redisFaults);
    for (const [socket, other] of [
      [client, server],
      [server, client],
    ] as const) {
      socket.on('error', () => {
        if (!this.ending) this.tearDown(() => other.resetAndDestroy());
      });
      socket.on('close', () => {
        if (--this.openSockets === 0) onClosed(this);
      });
    }
  }

  /** The local port of the connection to the upstream (undefined before it is connected). */
  get upstreamPort(): number | undefined {
    return this.server.localPort;
  }

  /** Puts a toxic at the end of the chosen direction's chain. */
  apply(placement: StreamToxicPlacement): void {
    if (this.ending) return;
    const link = this.links[placement.stream];
    const stage = new ToxicStage({
      next: { accept: () => undefined },
      create: (context) => placement.definition.create(placement.attributes, context),
      close: () => this.close(),
      reset: () => this.reset(),
      random: placement.random,
      onFailure: () => this.reset(),
      onDrained: (drained) => link.unlink(drained),
    });
    link.append(stage);
    this.stages.set(placement.name, { stage, link });
  }

  /** Removes a toxic: what it held flows on, in order. Unknown names are ignored (the toxic missed this connection). */
  remove(name: string): void {
    const placed = this.stages.get(name);
    if (!placed) return;
    this.stages.delete(name);
    placed.stage.remove();
  }

  /** FIN to both sides once what was already written has gone out. */
  close(): void {
    this.tearDown(() => {
      for (const socket of [this.client, this.server]) socket.end(() => socket.destroy());
    });
  }

  /** TCP RST to both sides. */
  reset(): void {
    this.tearDown(() => {
      this.client.resetAndDestroy();
      this.server.resetAndDestroy();
    });
  }

  /** Closes both sides at once, dropping anything unsent (proxy shutdown, `down`). */
  destroy(): void {
    this.tearDown(() => {
      this.client.destroy();
      this.server.destroy();
    });
  }

  private tearDown(closeSockets: () => void): void {
    if (this.ending) return;
    this.ending = true;
    this.links.upstream.stop();
    this.links.downstream.stop();
    this.stages.clear();
    closeSockets();
  }
}
