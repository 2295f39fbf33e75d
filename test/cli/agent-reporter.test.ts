/**
 * `specgate test --reporter agent` (here chosen by SPECGATE_REPORTER) against a known-bad bundled
 * implementation: the view counter that fails closed when memcached is down or slow. Real memcached,
 * real server; the output names the two broken failure modes and is much shorter than the default.
 */
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, runCli } from './helpers.js';

const TARGET = 'node examples/view-counter/variants/fail-closed.mjs';

describe('specgate test --reporter agent', () => {
  test('prints the failures an agent can act on, and the passes as one count line', async () => {
    const result = await runCli(['test', 'specs/view-counter.md', '--target', TARGET], {
      cwd: REPO_ROOT,
      env: { SPECGATE_REPORTER: 'agent' },
      timeoutMs: 240_000,
    });
    expect(result.code).toBe(1);
    const { stdout } = result;
    expect(stdout.match(/^FAIL /gm)).toEqual(['FAIL ', 'FAIL ']);
    expect(stdout).toMatch(/^FAIL FM-1 cache-down \(Failure Modes\) specs\/view-counter\.md:\d+$/m);
    expect(stdout).toMatch(/^FAIL FM-2 cache-slow \(Failure Modes\) specs\/view-counter\.md:\d+$/m);
    expect(stdout).toContain('    status: expected 200 but found 503');
    expect(stdout).toMatch(/^ {2}request: POST \/pages\/home → 503 /m);
    expect(stdout).toContain('  fault in force: cache: kill');
    expect(stdout).toContain('  fault in force: cache: pause');
    expect(stdout).toMatch(
      /^ {2}replay: specgate test specs\/view-counter\.md --criterion FM-1 --seed -?\d+ --target 'node examples\/view-counter\/variants\/fail-closed\.mjs'$/m,
    );
    expect(stdout).toContain('the implementation answered 503 to POST /pages/home while cache was down');
    expect(stdout).toMatch(/^specgate: 4 passed, 2 failed, 0 not executable, 0 skipped of 6 criteria /m);
    // Nothing of vitest's tree, and no passing criterion's prose.
    expect(stdout).not.toContain('✓');
    expect(stdout).not.toContain('AC-1 counts');
    for (const block of stdout.split('\n\n').filter((part) => part.startsWith('FAIL ')))
      expect(block.split('\n').length).toBeLessThanOrEqual(25);
  }, 300_000);

  test('an unknown reporter is a usage error', async () => {
    const result = await runCli(['test', 'specs/view-counter.md'], {
      cwd: REPO_ROOT,
      env: { SPECGATE_REPORTER: 'terse' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SPECGATE_REPORTER terse: expected one of default, agent');
  });
});
