/**
 * What an in-process implementation writes. A module target shares the test process, so its
 * log lines are whatever is written to stdout, stderr or the console while it runs; they are
 * recorded (as instance 0: in-process instances cannot be told apart) and still passed on.
 */
import type { LogLine } from '../types.js';

type Write = typeof process.stdout.write;
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

export interface OutputCapture {
  lines(): readonly LogLine[];
  stop(): void;
}

export function captureOutput(): OutputCapture {
  const recorded: LogLine[] = [];
  const partial = { stdout: '', stderr: '' };
  const record = (stream: 'stdout' | 'stderr', text: string): void => {
    const lines = (partial[stream] + text).split('\n');
    partial[stream] = lines.pop() ?? '';
    for (const line of lines) recorded.push({ instance: 0, stream, at: performance.now(), text: line });
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
