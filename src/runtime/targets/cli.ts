/** CLI targets: one run of the command with arguments and stdin, in its own process group. */
import { performance } from 'node:perf_hooks';
import type { CliTarget } from '../../ir.js';
import { spawnInGroup } from '../process/index.js';
import type { CliRunResult } from '../types.js';
import { formatTail } from './log-book.js';
import { commandLine } from './shell-quote.js';

export interface CliRun {
  args: string[];
  stdin?: string;
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
}

/** Thrown when a run outlives its timeout; the group was killed. Holds what was captured. */
export class CliTimeoutError extends Error {
  override readonly name = 'CliTimeoutError';

  constructor(
    readonly commandLine: string,
    readonly timeoutMs: number,
    readonly partial: CliRunResult,
  ) {
    const tail = [
      ...partial.stdout.split('\n'),
      ...partial.stderr.split('\n').map((line) => `[stderr] ${line}`),
    ]
      .filter((line) => line !== '' && line !== '[stderr] ')
      .slice(-20);
    super(
      `\`${commandLine}\` did not finish within ${timeoutMs} ms; its process group was killed.\nLast output lines:\n${formatTail(tail)}`,
    );
  }
}

export async function runCli(config: CliTarget, run: CliRun): Promise<CliRunResult> {
  const line = commandLine(config.command, run.args);
  const output = { stdout: '', stderr: '' };
  const started = performance.now();
  const child = spawnInGroup({
    file: '/bin/sh',
    args: ['-c', line],
    cwd: run.cwd,
    env: { ...process.env, ...config.env, ...run.env },
    stdin: 'pipe',
    onText: (stream, text) => (output[stream] += text),
  });
  // A CLI that exits without reading its input must not fail the run with EPIPE.
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(run.stdin ?? '');

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void child.kill();
  }, run.timeoutMs);
  const exit = await child.exited;
  clearTimeout(timer);
  // Stragglers (a backgrounded grandchild) die with the run.
  await child.kill();

  const result: CliRunResult = {
    exitCode: exit.code,
    signal: exit.signal,
    stdout: output.stdout,
    stderr: output.stderr,
    durationMs: performance.now() - started,
  };
  if (exit.error) throw new Error(`could not run \`${line}\`: ${exit.error.message}`);
  if (timedOut) throw new CliTimeoutError(line, run.timeoutMs, result);
  return result;
}
