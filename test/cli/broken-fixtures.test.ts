/**
 * Every broken fixture, as a user meets it: `specgate compile` in a project holding that spec
 * beside a valid one exits 2, names the broken file with a line and column, prints no stack
 * trace, and leaves generated/ exactly as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { makeProject, removeProjects, REPO_ROOT, runMain, snapshotDir, validSpec } from './helpers.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/broken');
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md'))
  .sort();

afterAll(removeProjects);

test('there are at least 30 broken fixtures', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(30);
});

test.each(fixtures)('%s: exit 2, located diagnostics, no stack trace, generated/ untouched', async (name) => {
  const root = await makeProject({
    'specs/good.md': validSpec('good'),
    [`specs/${name}`]: readFileSync(join(FIXTURES, name), 'utf8'),
    'generated/good.test.ts': '// an earlier compile\n',
  });
  const before = await snapshotDir(join(root, 'generated'));

  const result = await runMain(['compile'], { cwd: root });

  expect(result.code).toBe(2);
  const output = result.stdout + result.stderr;
  expect(output).toMatch(new RegExp(`specs/${name.replace('.', '\\.')}:\\d+:\\d+`));
  expect(output).toMatch(/SG\d{4}/);
  expect(output).not.toMatch(/^\s+at /m);
  expect(await snapshotDir(join(root, 'generated'))).toEqual(before);
});
