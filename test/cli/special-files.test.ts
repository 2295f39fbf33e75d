/**
 * Spec files that are not ordinary files, as a hostile or broken checkout has them: every
 * command that reads specs names the file with its own code, exits 2 at once (a FIFO or a
 * device never blocks), prints no stack trace and writes nothing into generated/.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_SPEC_BYTES, readFailure } from '../../src/cli/spec-file.js';
import { makeProject, removeProjects, runMain, snapshotDir, validSpec } from './helpers.js';

afterAll(removeProjects);

/** Node has no mkfifo: the coreutils command makes one. */
async function mkfifo(path: string): Promise<void> {
  execFileSync('mkfifo', [path]);
}

interface Case {
  name: string;
  code: string;
  message: RegExp;
  make: (path: string) => Promise<void>;
}

const CASES: Case[] = [
  { name: 'fifo', code: 'SG0001', message: /named pipe/, make: (path) => mkfifo(path) },
  {
    name: 'urandom',
    code: 'SG0001',
    message: /character device/,
    make: (path) => symlink('/dev/urandom', path),
  },
  { name: 'zero', code: 'SG0001', message: /character device/, make: (path) => symlink('/dev/zero', path) },
  { name: 'directory', code: 'SG0002', message: /a directory/, make: (path) => mkdir(path) },
  { name: 'directory-link', code: 'SG0002', message: /a directory/, make: (path) => symlink('/tmp', path) },
  {
    name: 'dangling',
    code: 'SG0003',
    message: /does not exist/,
    make: (path) => symlink('nowhere.md', path),
  },
  {
    name: 'loop',
    code: 'SG0004',
    message: /link loop/,
    make: async (path) =>
      symlink(path.replace(/\.md$/, '-b.md'), path).then(() => symlink(path, path.replace(/\.md$/, '-b.md'))),
  },
  {
    name: 'huge',
    code: 'SG0007',
    message: /larger than 5 MB/,
    make: (path) => writeFile(path, `# Huge\n\n${'x'.repeat(MAX_SPEC_BYTES)}\n`),
  },
];

// Each command that reads specs goes through the one reader (src/cli/spec-file.ts).
const COMMANDS: string[][] = [['lint'], ['compile'], ['check'], ['ci'], ['test']];

describe.each(CASES)('specs/$name.md', ({ name, code, message, make }) => {
  test.each(COMMANDS)('%s: exit 2, located, no stack trace, generated/ untouched', async (...command) => {
    const root = await makeProject({
      'specs/good.md': validSpec('good'),
      'generated/good.test.ts': '// an earlier compile\n',
    });
    await make(join(root, `specs/${name}.md`));
    const before = await snapshotDir(join(root, 'generated'));

    const result = await runMain(command, { cwd: root });

    const output = result.stdout + result.stderr;
    expect(result.code).toBe(2);
    expect(output).toContain(`specs/${name}.md:1:1 error ${code}`);
    expect(output).toMatch(message);
    expect(output).not.toMatch(/internal error/);
    expect(output).not.toMatch(/^\s+at /m);
    expect(await snapshotDir(join(root, 'generated'))).toEqual(before);
  });
});

test('a spec named on the command line is read the same way', async () => {
  const root = await makeProject();
  await mkdir(join(root, 'specs'));
  await mkfifo(join(root, 'specs/pipe.md'));
  const result = await runMain(['lint', 'specs/pipe.md'], { cwd: root });
  expect(result.code).toBe(2);
  expect(result.stdout).toContain('specs/pipe.md:1:1 error SG0001');
});

// root reads any file, so an unreadable spec exists only for other users.
test.skipIf(process.getuid?.() === 0)('an unreadable spec is SG0005 naming the file', async () => {
  const root = await makeProject({ 'specs/secret.md': validSpec('secret') });
  await chmod(join(root, 'specs/secret.md'), 0o000);
  const result = await runMain(['compile'], { cwd: root });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('specs/secret.md:1:1 error SG0005');
});

test.each([
  ['EACCES', 'SG0005', /permission denied/],
  ['EPERM', 'SG0005', /permission denied/],
  ['EIO', 'SG0006', /cannot be read: EIO/],
  ['ELOOP', 'SG0004', /link loop/],
  ['ENOENT', 'SG0008', /no longer exists/],
])('%s while reading is %s naming the file', (errno, code, message) => {
  const error = Object.assign(new Error(`${errno}: failed`), { code: errno });
  const diagnostic = readFailure('specs/x.md', error);
  expect(diagnostic).toMatchObject({ code, severity: 'error', place: { file: 'specs/x.md' } });
  expect(diagnostic.message).toMatch(message);
});

// lint refuses what compile could not write: generated/<name>.test.ts must fit in a file name.
test.each([['lint'], ['compile']])('%s: a spec name too long for a file name is SG2009', async (command) => {
  const long = 'a'.repeat(120);
  const root = await makeProject({
    [`specs/${long}.md`]:
      '# A spec without front matter\n\n## Goal\n\nx\n\n## Acceptance\n\n- **AC-1 x**: x.\n',
  });
  const result = await runMain([command], { cwd: root });
  expect(result.code).toBe(2);
  expect(result.stdout + result.stderr).toContain(`specs/${long}.md:1:1 error SG2009`);
  expect(await snapshotDir(join(root, 'generated'))).toEqual({});
});
