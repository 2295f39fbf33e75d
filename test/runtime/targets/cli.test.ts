import { performance } from 'node:perf_hooks';
import { describe, expect, test } from 'vitest';
import type { CliTarget } from '../../../src/ir.js';
import { CliTimeoutError, runCli } from '../../../src/runtime/targets/index.js';
import { fixtures, isLive, projectRoot } from '../process/helpers.js';

const cli: CliTarget = { kind: 'cli', command: `node ${fixtures}cli.mjs`, env: { FROM_SPEC: 'spec' } };
const run = (
  args: string[],
  extra: { stdin?: string; env?: Record<string, string>; timeoutMs?: number } = {},
) =>
  runCli(cli, {
    args,
    stdin: extra.stdin,
    env: extra.env ?? {},
    cwd: projectRoot,
    timeoutMs: extra.timeoutMs ?? 10_000,
  });

describe('runCli', () => {
  test('arguments reach the program exactly, whatever the shell would make of them', async () => {
    const args = ['plain', 'with space', "it's", '$HOME', '`id`', '"q"', '*', '', 'a\nb', '; exit 9'];
    const result = await run(['echo-args', ...args]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(args);
  });

  test('stdin is delivered byte for byte and stdout kept exactly', async () => {
    const input = 'line 1\r\nline 2\nno final break ✓';
    const result = await run(['cat'], { stdin: input });
    expect(result).toMatchObject({
      exitCode: 0,
      signal: null,
      stdout: input,
      stderr: `read ${input.length} chars\n`,
    });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  test('exit codes and env (process env + spec env + run env)', async () => {
    expect(await run(['exit', '7'])).toMatchObject({ exitCode: 7, stderr: 'exiting with 7\n', stdout: '' });
    expect((await run(['env', 'FROM_SPEC'])).stdout).toBe('spec\n');
    expect((await run(['env', 'FROM_SPEC'], { env: { FROM_SPEC: 'run' } })).stdout).toBe('run\n');
    expect((await run(['env', 'PATH'])).stdout).toBe(`${process.env.PATH}\n`);
  });

  test('a run past its timeout is killed with its group and reported with its output', async () => {
    const began = performance.now();
    const error = await run(['sleep'], { timeoutMs: 300 }).catch((caught: unknown) => caught);
    expect(performance.now() - began).toBeLessThan(3000);
    expect(error).toBeInstanceOf(CliTimeoutError);
    const timeout = error as CliTimeoutError;
    expect(timeout.message).toMatch(/did not finish within 300 ms; its process group was killed/);
    expect(timeout.message).toContain('| sleeping');
    expect(timeout.partial.signal).toBe('SIGKILL');
  });

  test('a background process left by the CLI dies with the run', async () => {
    const result = await runCli(
      { kind: 'cli', command: 'sleep 30 & echo $!', env: {} },
      { args: [], env: {}, cwd: projectRoot, timeoutMs: 5000 },
    );
    const pid = Number(result.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    expect(isLive(pid)).toBe(false);
  });
});
