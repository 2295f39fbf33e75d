/**
 * `run` reads and writes files only inside its scratch directory, even when the program under
 * test leaves links pointing out of it. Real processes and a real file system, no mocks.
 */
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Place, RunStep, SpecConfig } from '../../../src/ir.js';
import { StepFailure } from '../../../src/runtime/failure/index.js';
import type { CliRunner, RunState } from '../../../src/runtime/steps/context.js';
import { executeRun } from '../../../src/runtime/steps/run-cli.js';
import { runCli } from '../../../src/runtime/targets/index.js';

const place: Place = {
  file: 'specs/x.md',
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

let scratch: string;
let outside: string;

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'specgate-test-scratch-'));
  outside = await mkdtemp(join(tmpdir(), 'specgate-test-outside-'));
  await writeFile(join(outside, 'secret.txt'), 'top secret');
});

afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

/** A run state for a cli target whose program is the shell command `command`. */
function stateFor(command: string): RunState {
  const config = { timeout: 10_000 } as SpecConfig;
  const runner: CliRunner = (run) => runCli({ kind: 'cli', command, env: {} }, run);
  return {
    env: {
      config,
      targetEnv: {},
      runCli: runner,
    },
    criterion: { id: 'AC-1', prose: '', section: 'acceptance', place },
    scope: {},
    scratchDir: scratch,
  } as unknown as RunState;
}

const runStep = (step: Partial<RunStep>): RunStep => ({ kind: 'run', args: [], place, ...step });

async function failureOf(promise: Promise<unknown>): Promise<StepFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StepFailure);
  return error as StepFailure;
}

describe('run: files stay inside the scratch directory', () => {
  test('files inside are written and read back', async () => {
    const state = stateFor('cat in/a.txt > out.txt');
    await executeRun(
      state,
      runStep({ files: { 'in/a.txt': 'hello' }, expect: { exit: 0, files: { 'out.txt': 'hello' } } }),
    );
    expect(await readFile(join(scratch, 'out.txt'), 'utf8')).toBe('hello');
  });

  test('a link left by the program is not followed out when reading', async () => {
    const state = stateFor(`ln -s ${outside} out`);
    const failure = await failureOf(
      executeRun(state, runStep({ expect: { files: { 'out/secret.txt': { $contains: 'secret' } } } })),
    );
    expect(failure.summary).toBe('file `out/secret.txt` is outside the scratch directory of the run');
  });

  test('a linked file is not followed out when reading', async () => {
    const state = stateFor(`ln -s ${join(outside, 'secret.txt')} copy.txt`);
    const failure = await failureOf(
      executeRun(state, runStep({ expect: { files: { 'copy.txt': 'top secret' } } })),
    );
    expect(failure.summary).toContain('outside the scratch directory');
  });

  test('writing through a link (to a directory, or dangling) is refused and writes nothing', async () => {
    await symlink(outside, join(scratch, 'dir'));
    await symlink(join(outside, 'new.txt'), join(scratch, 'dangling.txt'));
    for (const name of ['dir/new.txt', 'dangling.txt', '../escape.txt']) {
      const failure = await failureOf(executeRun(stateFor('true'), runStep({ files: { [name]: 'x' } })));
      expect(failure.summary).toBe(`file \`${name}\` is outside the scratch directory of the run`);
    }
    await expect(readFile(join(outside, 'new.txt'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  test('a link that stays inside is followed', async () => {
    const state = stateFor('mkdir real && echo inside > real/f.txt && ln -s real alias');
    await executeRun(state, runStep({ expect: { files: { 'alias/f.txt': 'inside\n' } } }));
  });
});
