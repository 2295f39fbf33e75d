/**
 * `specgate mcp`: the MCP server over stdio. stdout carries the protocol and nothing else: whatever
 * else writes to it in this process (vitest, a test's console, a worker's output piped through)
 * goes to stderr, where an MCP client shows it as the server's log.
 */
import { Writable } from 'node:stream';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import { createSpecgateServer } from '../mcp-server.js';

export interface McpOptions {
  reportDir?: string;
}

type RequestId = string | number;

export async function mcpCommand(context: CliContext, options: McpOptions): Promise<ExitCodeValue> {
  const transport = new StdioServerTransport(process.stdin, claimStdout());
  const server = createSpecgateServer({
    root: context.root,
    ...(options.reportDir !== undefined ? { reportDir: options.reportDir } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const closed = new Promise<void>((done) => (server.server.onclose = done));
  await server.connect(transport);
  const answered = trackRequests(transport);
  // The client ends the session by closing stdin: requests already sent are still answered.
  process.stdin.once('end', () => void answered().then(() => server.close()));
  await closed;
  return ExitCode.ok;
}

/** Counts the requests received and not yet answered; the promise resolves once none is left. */
function trackRequests(transport: StdioServerTransport): () => Promise<void> {
  const pending = new Set<RequestId>();
  let settle: (() => void) | undefined;
  const receive = transport.onmessage;
  transport.onmessage = (message) => {
    if ('method' in message && 'id' in message) pending.add(message.id);
    receive?.(message);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message) => {
    await send(message);
    if (!('method' in message) && 'id' in message && message.id !== undefined) pending.delete(message.id);
    if (pending.size === 0) settle?.();
  };
  return () => (pending.size === 0 ? Promise.resolve() : new Promise((done) => (settle = done)));
}

/** A stream onto the real stdout for the protocol; process.stdout itself is sent to stderr from now on. */
function claimStdout(): Writable {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      write(chunk, (error) => callback(error ?? null));
    },
  });
}
