/**
 * What an in-process implementation writes. A module target shares the test process, so its
 * log lines are whatever is written to stdout, stderr or the console while it runs; they are
 * recorded and still passed on. Each instance is imported and served inside `runAsInstance`, so
 * what its code writes (at import, per request, from its timers) carries its index; output from
 * outside any instance is recorded as instance 0.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogLine } from '../types.js';

const currentInstance = new AsyncLocalStorage<number>();

/** Runs `fn` as instance `index`: everything it starts, asynchronously too, logs as that instance. */
export function runAsInstance<T>(index: number, fn: () => T): T {
  return currentInstance.run(index, fn);
}

type Write = typeof process.stdout.write;
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

export interface OutputCapture {
  lines(): readonly LogLine[];
  stop(): void;
}

export function captureOutput(): OutputCapture {
  const recorded: LogLine[] = [];
  // Unfinished lines, per instance and stream: instances interleave their writes.
  const partial = new Map<string, string>();
  const record = (stream: 'stdout' | 'stderr', text: string): void => {
    const instance = currentInstance.getStore() ?? 0;
    const key = `${instance} ${stream}`;
    const lines = ((partial.get(key) ?? '') + text).split('\n');
    partial.set(key, lines.pop() ?? '');
    for (const line of lines) recorded.push({ instance, stream, at: performance.now(), text: line });
  };

  const restores: Array<() => void> = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    const target = process[stream];
    const original = target.write;
    target.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      record(stream, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as Write;
    restores.push(() => (target.write = original));
  }
  // Test runners replace console methods with their own (not writing to process.stdout).
  for (const name of CONSOLE_METHODS) {
    const original = console[name];
    console[name] = (...args: unknown[]) => {
      record(name === 'error' || name === 'warn' ? 'stderr' : 'stdout', `${args.map(String).join(' ')}\n`);
      original.apply(console, args);
    };
    restores.push(() => (console[name] = original));
  }
  return {
    lines: () => recorded,
    stop: () => {
      for (const restore of restores.reverse()) restore();
    },
  };
}
