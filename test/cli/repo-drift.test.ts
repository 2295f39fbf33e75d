/**
 * This repository's own generated/ is committed: `specgate check` must pass on it, so a spec
 * changed without recompiling (or a hand edit of a generated file) fails `npm test`.
 */
import { expect, test } from 'vitest';
import { REPO_ROOT, runMain } from './helpers.js';

test('generated/ is in step with specs/ in this repository', async () => {
  const result = await runMain(['check'], { cwd: REPO_ROOT });
  expect(result.stdout + result.stderr).not.toMatch(/stale|hand-edited|orphaned|missing|outdated/);
  expect(result.code).toBe(0);
});
