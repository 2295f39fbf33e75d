import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  brokenSpec,
  makeProject,
  removeProjects,
  runCli,
  runMain,
  snapshotDir,
  validSpec,
} from './helpers.js';

afterAll(removeProjects);

describe('specgate compile and check', () => {
  test('compiles every spec, deterministically, and check passes until a hand edit', async () => {
    const cwd = await makeProject({
      'specs/alpha.md': validSpec('alpha'),
      'specs/beta.md': validSpec('beta'),
      'specs/README.md': 'not a spec',
    });
    const compiled = await runMain(['compile'], { cwd });
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toMatch(
      /^compiled 2 specs into generated\/ \(2 written, 0 unchanged\) in \d+ ms\n$/,
    );
    const first = await snapshotDir(join(cwd, 'generated'));
    expect(Object.keys(first).sort()).toEqual(['alpha.test.ts', 'beta.test.ts']);

    expect((await runMain(['compile'], { cwd })).stdout).toContain('(0 written, 2 unchanged)');
    expect(await snapshotDir(join(cwd, 'generated'))).toEqual(first);
    const checked = await runMain(['check'], { cwd });
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^checked 2 generated files: all in step with specs\/ \(\d+ ms\)\n$/);

    const path = join(cwd, 'generated/beta.test.ts');
    await writeFile(path, (await readFile(path, 'utf8')).replace('answers 200', 'answers 201'));
    const check = await runCli(['check'], { cwd });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('generated/beta.test.ts: hand-edited');
    expect(check.stdout).not.toContain('alpha');
  });

  test('check names stale, missing and orphaned files', async () => {
    const cwd = await makeProject({
      'specs/alpha.md': validSpec('alpha'),
      'specs/gone.md': validSpec('gone'),
    });
    expect((await runMain(['compile'], { cwd })).code).toBe(0);
    await writeFile(
      join(cwd, 'specs/alpha.md'),
      validSpec('alpha').replace('Answer pings.', 'Answer pings fast.'),
    );
    await writeFile(join(cwd, 'specs/new.md'), validSpec('new'));
    await rm(join(cwd, 'specs/gone.md'));
    const check = await runMain(['check'], { cwd });
    expect(check.code).toBe(1);
    expect(
      check.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' (')[0]),
    ).toEqual([
      'generated/alpha.test.ts: stale',
      'generated/gone.test.ts: orphaned',
      'generated/new.test.ts: missing',
    ]);
  });

  test('one broken spec among good ones: exit 2, the error shown, generated/ unchanged byte for byte', async () => {
    const cwd = await makeProject({
      'specs/alpha.md': validSpec('alpha'),
      'specs/beta.md': validSpec('beta'),
    });
    expect((await runMain(['compile'], { cwd })).code).toBe(0);
    await writeFile(
      join(cwd, 'specs/alpha.md'),
      validSpec('alpha').replace('Answer pings.', 'Answer all pings.'),
    );
    await writeFile(join(cwd, 'specs/beta.md'), brokenSpec('beta'));
    await writeFile(join(cwd, 'specs/gamma.md'), validSpec('gamma'));
    const before = await snapshotDir(join(cwd, 'generated'));

    const result = await runCli(['compile'], { cwd, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('specs/beta.md:');
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshotDir(join(cwd, 'generated'))).toEqual(before);
  });

  test('a full compile deletes orphaned generated files; compiling named specs does not', async () => {
    const cwd = await makeProject({ 'specs/alpha.md': validSpec('alpha'), 'specs/old.md': validSpec('old') });
    expect((await runMain(['compile'], { cwd })).code).toBe(0);
    await rm(join(cwd, 'specs/old.md'));
    await writeFile(join(cwd, 'generated/handwritten.test.ts'), 'export {};\n');

    expect((await runMain(['compile', 'specs/alpha.md'], { cwd })).code).toBe(0);
    expect(Object.keys(await snapshotDir(join(cwd, 'generated'))).sort()).toEqual([
      'alpha.test.ts',
      'handwritten.test.ts',
      'old.test.ts',
    ]);
    expect((await runMain(['compile'], { cwd })).code).toBe(0);
    expect(Object.keys(await snapshotDir(join(cwd, 'generated'))).sort()).toEqual([
      'alpha.test.ts',
      'handwritten.test.ts',
    ]);
  });

  test('lint exits 2 on a spec error and reports structural warnings', async () => {
    const cwd = await makeProject({
      'specs/alpha.md': validSpec('alpha'),
      'specs/beta.md': brokenSpec('beta'),
    });
    const result = await runMain(['lint'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('SG6001');
    // The not-executable criterion, and the reviewer's question about error answers.
    expect(result.stdout).toContain(
      'specs/alpha.md: 2 criteria, 1 executable, 1 not executable; 0 errors, 2 warnings',
    );
    expect(result.stdout).toMatch(/specs\/beta\.md:\d+:\d+ error/);
    const alone = await runMain(['lint', 'specs/alpha.md'], { cwd });
    expect(alone.code).toBe(0);
  });

  test('refuses a project without specs, and two specs with one name, writing nothing', async () => {
    const empty = await runMain(['compile'], { cwd: await makeProject() });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no specs found');

    const cwd = await makeProject({ 'specs/one.md': validSpec('same'), 'specs/two.md': validSpec('same') });
    const clash = await runMain(['compile'], { cwd });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('specs/one.md and specs/two.md are both named "same"');
    expect(await snapshotDir(join(cwd, 'generated'))).toEqual({});
  });
});
