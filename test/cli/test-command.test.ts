/**
 * `specgate test` plumbing: compile, run the generated suites with vitest, hand the flags to the
 * runtime as SPECGATE_* env, filter by criterion, map results to exit codes. The project's
 * vitest config points `specgate/runtime` at a recording runtime, so these tests judge the CLI
 * alone; the real runtime has its own tests.
 */
import { readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeProject, REPO_ROOT, removeProjects, runCli, validSpec } from './helpers.js';

const VITEST_CONFIG = `import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { 'specgate/runtime': fileURLToPath(new URL('./recording-runtime.ts', import.meta.url)) } },
  test: { projects: [{ extends: true, test: { name: 'generated', include: ['generated/**/*.test.ts'] } }] },
});
`;

/** Records each verified criterion with the SPECGATE_* env it saw; fails criteria whose prose says FAILS. */
const RECORDING_RUNTIME = `import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export function defineSpecSuite(info: { name: string }) {
  return {
    async verify(criterion: { id: string; prose: string }) {
      const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('SPECGATE_')));
      appendFileSync(join(process.env.SPECGATE_ROOT ?? '.', 'verified.jsonl'), JSON.stringify({ suite: info.name, id: criterion.id, env }) + '\\n');
      if (criterion.prose.includes('FAILS')) throw new Error(criterion.id + ' failed as planned');
    },
  };
}
`;

const step = (path: string) => ['  ```yaml', '  steps:', `    - send: GET ${path}`, '  ```'].join('\n');
const SPEC = validSpec('svc', {
  criteria: [
    `- **AC-1 first**: passes.\n${step('/one')}`,
    `- **AC-3 third**: FAILS on purpose.\n${step('/three')}`,
    `- **AC-10 tenth**: passes, and mentions AC-3 in passing.\n${step('/ten')}`,
  ],
});

let cwd = '';

beforeAll(async () => {
  cwd = await makeProject({
    'specs/svc.md': SPEC,
    'vitest.config.ts': VITEST_CONFIG,
    'recording-runtime.ts': RECORDING_RUNTIME,
  });
  await symlink(join(REPO_ROOT, 'node_modules'), join(cwd, 'node_modules'), 'dir');
});
afterAll(removeProjects);

async function verified(): Promise<Array<{ id: string; env: Record<string, string> }>> {
  const text = await readFile(join(cwd, 'verified.jsonl'), 'utf8').catch(() => '');
  await rm(join(cwd, 'verified.jsonl'), { force: true });
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; env: Record<string, string> });
}

describe('specgate test', () => {
  test('runs every criterion and exits 1 when one fails', async () => {
    const result = await runCli(['test'], { cwd });
    expect(result.code).toBe(1);
    expect((await verified()).map((entry) => entry.id).sort()).toEqual(['AC-1', 'AC-10', 'AC-3']);
    // Every criterion is listed with its verdict, fast passes included, and a pipe gets no ANSI codes.
    const output = result.stdout + result.stderr;
    for (const id of ['AC-1 first', 'AC-3 third', 'AC-10 tenth']) expect(output).toContain(id);
    expect(output).not.toContain('\u001b[');
  });

  test('FORCE_COLOR colours the run even in a pipe', async () => {
    const result = await runCli(['test', '--criterion', 'AC-1'], { cwd, env: { FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('\u001b[');
    await verified();
  });

  test('--criterion runs one criterion and hands the flags to the runtime', async () => {
    const args = [
      'test',
      '--criterion',
      'AC-1',
      '--target',
      'http://127.0.0.1:9',
      '--seed',
      '42',
      '--path',
      '0:1',
    ];
    const result = await runCli([...args, '--runs', '3'], { cwd });
    expect(result.code).toBe(0);
    const entries = await verified();
    expect(entries.map((entry) => entry.id)).toEqual(['AC-1']);
    expect(entries[0]?.env).toMatchObject({
      SPECGATE_TARGET: 'http://127.0.0.1:9',
      SPECGATE_SEED: '42',
      SPECGATE_PATH: '0:1',
      SPECGATE_RUNS: '3',
      SPECGATE_ROOT: cwd,
    });
  });

  test('a malformed flag or an unknown criterion is a usage error, before anything runs', async () => {
    const result = await runCli(['test', '--seed', 'soon'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--seed soon: expected an integer');
    const unknown = await runCli(['test', '--criterion', 'AC-2'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--criterion AC-2: no criterion with this id in specs/svc.md');
    expect(await verified()).toEqual([]);
  });
});
