import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import type { FaultProxy, RedisFaultSpec, ToxicSpec } from '../types.js';
import { resolveToxic, type ResolvedToxic } from './attributes.js';
import { ProxyConnection } from './connection.js';
import { createRandom, hashParts, unitFromParts } from './random.js';
import type { ProxyControl } from './toxic.js';

const LOOPBACK = '127.0.0.1';

interface ActiveToxic extends ResolvedToxic {
  /** Connections this toxic has met so far: the k-th one draws from (seed, name, k). */
  connectionsMet: number;
  /** Set for proxy-wide toxics. */
  heal?: () => void;
}

interface ActiveRedisFault {
  spec: RedisFaultSpec;
  reply: Buffer;
  /** Commands this fault selected so far: the k-th one draws from (seed, name, k). */
  commandsMet: number;
  answered: number;
}

/** A TCP proxy on 127.0.0.1 in front of one upstream, with Toxiproxy-style toxics. */
export class TcpFaultProxy implements FaultProxy {
  readonly upstream: { host: string; port: number };
  private listenPort = 0;
  private server: Server | undefined;
  private readonly connections = new Set<ProxyConnection>();
  private readonly active = new Map<string, ActiveToxic>();
  private readonly redis = new Map<string, ActiveRedisFault>();
  private disabledBy = 0;
  /** False while the service behind the proxy is killed, stopped or not started yet. */
  private upstreamUp = true;
  /** The last change of listening state: changes run one after another. */
  private listening: Promise<void> = Promise.resolve();
  private listenFailure: Error | undefined;
  private closed = false;
  private readonly control: ProxyControl = {
    disable: () => this.disable(),
    enable: () => this.enable(),
  };

  constructor(
    upstream: { host: string; port: number },
    private readonly seed: number,
    private readonly protocol?: 'redis',
  ) {
    this.upstream = { host: upstream.host, port: upstream.port };
  }

  get port(): number {
    return this.listenPort;
  }

  /** Listens on a free port the first time, then on the same port again after `down`. */
  async listen(): Promise<void> {
    const server = createServer({ allowHalfOpen: true, noDelay: true }, (socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: this.listenPort, host: LOOPBACK }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => {
      this.listenFailure = error;
    });
    this.listenPort = (server.address() as AddressInfo).port;
  }

  /**
   * A dead server refuses connections (ECONNREFUSED); a proxy that accepted and then
   * closed would look alive to a client that counts a TCP connect as "connected".
   * So while the upstream is down the proxy does not listen, and connections already
   * open are left to see the server's own close. Resolves once the port is in the
   * new state.
   */
  setUpstreamAvailable(available: boolean): Promise<void> {
    this.upstreamUp = available;
    return this.updateListening();
  }

  addToxic(toxic: ToxicSpec): void {
    this.assertUsable();
    const resolved = resolveToxic(toxic);
    if (this.active.has(toxic.name) || this.redis.has(toxic.name)) {
      throw new Error(`toxic "${toxic.name}" already exists on the proxy to ${this.describeUpstream()}`);
    }
    const entry: ActiveToxic = { ...resolved, connectionsMet: 0 };
    this.active.set(toxic.name, entry);
    if (entry.definition.scope === 'proxy') entry.heal = entry.definition.apply(this.control);
    else for (const connection of this.connections) this.place(entry, connection);
  }

  addRedisFault(fault: RedisFaultSpec): void {
    this.assertUsable();
    if (this.protocol !== 'redis')
      throw new Error(`the proxy to ${this.describeUpstream()} is not in front of Redis: no Redis faults`);
    if (this.active.has(fault.name) || this.redis.has(fault.name))
      throw new Error(`fault "${fault.name}" already exists on the proxy to ${this.describeUpstream()}`);
    if (/[\r\n]/.test(fault.error) || fault.error === '')
      throw new Error(`Redis fault "${fault.name}": the error must be one non-empty line`);
    if (!(fault.toxicity >= 0 && fault.toxicity <= 1))
      throw new Error(`Redis fault "${fault.name}": toxicity must be a number from 0 to 1`);
    this.redis.set(fault.name, {
      spec: { ...fault, ...(fault.commands ? { commands: fault.commands.map((c) => c.toUpperCase()) } : {}) },
      reply: Buffer.from(`-${fault.error}\r\n`),
      commandsMet: 0,
      answered: 0,
    });
  }

  upstreamPorts(): readonly number[] {
    return [...this.connections].flatMap((connection) =>
      connection.upstreamPort === undefined ? [] : [connection.upstreamPort],
    );
  }

  redisFaults(): readonly RedisFaultSpec[] {
    return [...this.redis.values()].map(({ spec }) => ({ ...spec }));
  }

  /** The first active Redis fault that selects the command and draws it answers it. */
  private chooseRedisReply(command: string): Buffer | undefined {
    for (const fault of this.redis.values()) {
      const { name, commands, times, toxicity } = fault.spec;
      if (commands && !commands.includes(command)) continue;
      if (times !== undefined && fault.answered >= times) continue;
      const k = ++fault.commandsMet;
      if (!(unitFromParts([this.seed, name, k, 'toxicity']) < toxicity)) continue;
      fault.answered++;
      return fault.reply;
    }
    return undefined;
  }

  /** Removing a toxic that is not there does nothing, so a timed heal and an explicit heal may both run. */
  removeToxic(name: string): Promise<void> {
    if (this.redis.delete(name)) return this.listening;
    const entry = this.active.get(name);
    if (!entry) return this.listening;
    this.active.delete(name);
    if (entry.heal) entry.heal();
    else for (const connection of this.connections) connection.remove(name);
    // Resolves once the port listens again (a healed `down`), so a caller's next connect is accepted.
    return this.listening;
  }

  removeAll(): Promise<void> {
    for (const name of [...this.active.keys()]) void this.removeToxic(name);
    this.redis.clear();
    return this.listening;
  }

  toxics(): readonly ToxicSpec[] {
    return [...this.active.values()].map(({ spec, attributes }) => ({
      ...spec,
      attributes: { ...attributes },
    }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.active.clear();
    this.redis.clear();
    await this.listening;
    for (const connection of this.connections) connection.destroy();
    const server = this.server;
    if (server?.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (!this.shouldListen()) {
      client.destroy();
      return;
    }
    const server = connect({
      host: this.upstream.host,
      port: this.upstream.port,
      allowHalfOpen: true,
      noDelay: true,
    });
    const connection = new ProxyConnection(
      client,
      server,
      (closed) => this.connections.delete(closed),
      this.protocol === 'redis' ? (command) => this.chooseRedisReply(command) : undefined,
    );
    this.connections.add(connection);
    for (const entry of this.active.values()) {
      if (entry.definition.scope === 'stream') this.place(entry, connection);
    }
  }

  /** Draws whether the toxic affects this connection and, if so, puts it on the connection. */
  private place(entry: ActiveToxic, connection: ProxyConnection): void {
    if (entry.definition.scope !== 'stream') return;
    const k = ++entry.connectionsMet;
    const { name, toxicity, stream } = entry.spec;
    if (!(unitFromParts([this.seed, name, k, 'toxicity']) < toxicity)) return;
    connection.apply({
      name,
      stream,
      definition: entry.definition,
      attributes: entry.attributes,
      random: createRandom(hashParts([this.seed, name, k, 'random'])),
    });
  }

  private disable(): void {
    if (++this.disabledBy > 1) return;
    void this.updateListening();
    for (const connection of this.connections) connection.destroy();
  }

  private enable(): void {
    if (this.disabledBy === 0 || --this.disabledBy > 0) return;
    void this.updateListening();
  }

  private shouldListen(): boolean {
    return !this.closed && this.disabledBy === 0 && this.upstreamUp;
  }

  /** Closing the listening socket is what makes the port refuse (ECONNREFUSED) rather than hang. */
  private updateListening(): Promise<void> {
    this.listening = this.listening.then(async () => {
      const listening = this.server?.listening ?? false;
      if (this.shouldListen() && !listening) {
        await this.listen().catch((error: unknown) => {
          this.listenFailure = error instanceof Error ? error : new Error(String(error));
        });
      } else if (!this.shouldListen() && listening) {
        this.server?.close();
      }
    });
    return this.listening;
  }

  private assertUsable(): void {
    if (this.closed) throw new Error(`the fault proxy to ${this.describeUpstream()} is closed`);
    if (this.listenFailure) {
      throw new Error(
        `the fault proxy to ${this.describeUpstream()} could not listen again on 127.0.0.1:${this.listenPort}: ${this.listenFailure.message}`,
      );
    }
  }

  private describeUpstream(): string {
    return `${this.upstream.host}:${this.upstream.port}`;
  }
}
