/**
 * `specgate ci` as a team's CI runs it, on copies of a small project (test/fixtures/ci/greeter: three
 * specs judging a Node greeter service): everything passes, one criterion fails, one is not executable,
 * generated/ drifted, a lint error, the target never starts, a broken spec. Each case checks the exit
 * code and what the reports say, the JSON report against its published schema.
 * The vacuity check is off here (--no-vacuity): test/strength/vacuity.test.ts covers it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, test } from 'vitest';
import type { CriterionReport, RunReport } from '../../src/report/index.js';
import { removeProjects, runCli, runMain } from '../cli/helpers.js';
import { withChromiumPage } from '../report/chromium.js';
import { copyGreeter, criteria, validateReport } from './greeter.js';

afterAll(removeProjects);

async function readReport(root: string, dir = 'specgate-report'): Promise<RunReport> {
  const report = JSON.parse(await readFile(join(root, dir, 'report.json'), 'utf8')) as RunReport;
  validateReport(report);
  return report;
}

function verdicts(report: RunReport): Record<string, string> {
  return Object.fromEntries(
    criteria(report).map(({ spec, criterion }) => [`${spec}#${criterion.id}`, criterion.verdict]),
  );
}

function find(report: RunReport, key: string): CriterionReport {
  const found = criteria(report).find(({ spec, criterion }) => `${spec}#${criterion.id}` === key);
  if (!found) throw new Error(`no criterion ${key} in the report`);
  return found.criterion;
}

interface JUnitCase {
  '@_name': string;
  '@_file': string;
  '@_line': string;
  failure?: unknown;
  skipped?: unknown;
}

async function junitCases(root: string): Promise<JUnitCase[]> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  });
  const xml = parser.parse(await readFile(join(root, 'specgate-report/junit.xml'), 'utf8')) as {
    testsuites: { testsuite: Array<{ '@_name': string; testcase?: JUnitCase[] }> };
  };
  return xml.testsuites.testsuite
    .filter((suite) => suite['@_name'].startsWith('specs/'))
    .flatMap((suite) => suite.testcase ?? []);
}

// Each test runs the CLI several times on real targets: generous on a busy machine.
describe('specgate ci', { timeout: 180_000 }, () => {
  test('everything passes: exit 0, every criterion passed in every report', async () => {
    const root = await copyGreeter();
    const summaryFile = join(root, 'step-summary.md');
    await writeFile(summaryFile, '');
    const result = await runCli(['ci', '--no-vacuity'], {
      cwd: root,
      env: { GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('gate passed');

    const report = await readReport(root);
    expect(report.gate).toEqual({ passed: true, reasons: [] });
    expect(report.totals).toEqual({ criteria: 9, passed: 9, failed: 0, notExecutable: 0, skipped: 0 });
    expect(report.coverage).toEqual({ executable: 9, unchecked: 0, total: 9, ratio: 1 });
    expect(report.specs.map((spec) => spec.file)).toEqual([
      'specs/greet.md',
      'specs/health.md',
      'specs/version.md',
    ]);
    // The property ran its generator's 4 edges (lengths 1, 2, 19, 20) and then its 15 runs; the examples ran once.
    expect(find(report, 'specs/greet.md#AC-1')).toMatchObject({ verdict: 'passed', runs: 19, line: 45 });
    expect(find(report, 'specs/health.md#C-1')).toMatchObject({ verdict: 'passed', runs: 1 });

    const cases = await junitCases(root);
    expect(cases).toHaveLength(9);
    expect(
      cases.filter((testcase) => testcase.failure !== undefined || testcase.skipped !== undefined),
    ).toEqual([]);
    expect(cases.find((testcase) => testcase['@_name'].startsWith('AC-1 by-name'))).toMatchObject({
      '@_file': 'specs/greet.md',
      '@_line': '45',
    });
    const summary = await readFile(join(root, 'specgate-report/summary.md'), 'utf8');
    expect(await readFile(summaryFile, 'utf8')).toBe(`${summary}\n`);
    const html = await readFile(join(root, 'specgate-report/report.html'), 'utf8');
    expect(html).toContain('AC-1');
  });

  test('one criterion fails: exit 1, the failure carries a replayable shrunk counterexample', async () => {
    const root = await copyGreeter();
    const env = { GREETER_BUG: 'truncate' };
    const result = await runCli(['ci', '--no-vacuity'], { cwd: root, env });
    expect(result.code, result.stderr + result.stdout).toBe(1);
    expect(result.stdout).toContain('gate failed');
    expect(result.stdout).toContain('✗ 1 criterion failed: specs/greet.md AC-1\n');

    const report = await readReport(root);
    expect(report.gate.passed).toBe(false);
    expect(report.gate.reasons).toEqual([
      { kind: 'failed', message: '1 criterion failed: specs/greet.md AC-1' },
    ]);
    expect(report.totals).toEqual({ criteria: 9, passed: 8, failed: 1, notExecutable: 0, skipped: 0 });
    const failed = find(report, 'specs/greet.md#AC-1');
    expect(failed.verdict).toBe('failed');
    // Names longer than 8 characters are cut: shrinking finds the smallest such name.
    expect(failed.failure?.counterexample).toEqual({ name: 'aaaaaaaaa' });
    expect(failed.failure?.message).toContain('expected "Hello, aaaaaaaaa!" but found "Hello, aaaaaaaa!"');
    expect(failed.failure?.transcript.join('\n')).toContain('GET /hello?name=aaaaaaaaa → 200');
    expect(failed.failure?.logs.join('\n')).toContain('greeted aaaaaaaa');
    expect(failed.failure?.replay).toMatch(
      /^specgate test specs\/greet\.md --criterion AC-1 --seed -?\d+ --path [\d:]+$/,
    );

    const cases = await junitCases(root);
    const failures = cases.filter((testcase) => testcase.failure !== undefined);
    expect(failures.map((testcase) => testcase['@_name'])).toEqual([failed.title]);
    expect(JSON.stringify(failures[0]?.failure)).toContain('aaaaaaaaa');
    const summary = await readFile(join(root, 'specgate-report/summary.md'), 'utf8');
    expect(summary).toContain(failed.failure?.replay);

    // The HTML report in a browser: the counts it shows are the JSON's; a click opens the counterexample.
    await withChromiumPage(async (page) => {
      await page.goto(pathToFileURL(join(root, 'specgate-report/report.html')).href);
      for (const [key, value] of Object.entries(report.totals))
        expect(await page.locator(`[data-count="${key}"]`).innerText(), key).toBe(String(value));
      expect(await page.locator('[data-coverage="executable"]').innerText()).toBe('9');
      expect(await page.locator('[data-coverage="total"]').innerText()).toBe('9');
      const row = page.locator('details[data-criterion="specs/greet.md#AC-1"]');
      const shown = row.locator('[data-evidence="counterexample"]');
      // A failed criterion opens with its evidence shown.
      expect(await shown.isVisible()).toBe(true);
      expect(JSON.parse(await shown.innerText())).toEqual({ name: 'aaaaaaaaa' });
    });

    // The replay command reruns exactly the failing case.
    const replay = (failed.failure?.replay ?? '').replace(/^specgate /, '').match(/'[^']*'|\S+/g) ?? [];
    const rerun = await runCli(
      replay.map((part) => part.replace(/^'(.*)'$/, '$1')),
      { cwd: root, env },
    );
    expect(rerun.code).toBe(1);
    expect(rerun.stdout + rerun.stderr).toContain('"name": "aaaaaaaaa"');
  });

  test('a criterion without a yaml block is counted as not executable, never as passed', async () => {
    const root = await copyGreeter();
    const spec = join(root, 'specs/greet.md');
    await writeFile(spec, `${await readFile(spec, 'utf8')}- **AC-2 polite**: the greeting is polite.\n`);
    expect((await runCli(['compile'], { cwd: root })).code).toBe(0);

    const plain = await runCli(['ci', '--no-vacuity'], { cwd: root });
    expect(plain.code, plain.stderr + plain.stdout).toBe(0);
    const report = await readReport(root);
    expect(report.totals).toEqual({ criteria: 10, passed: 9, failed: 0, notExecutable: 1, skipped: 0 });
    expect(report.coverage).toEqual({ executable: 9, unchecked: 0, total: 10, ratio: 0.9 });
    expect(find(report, 'specs/greet.md#AC-2')).toMatchObject({ verdict: 'not-executable', line: 53 });
    expect(find(report, 'specs/greet.md#AC-2').reason).toContain('no yaml block');
    const polite = (await junitCases(root)).find((testcase) => testcase['@_name'].startsWith('AC-2 polite'));
    expect(polite?.skipped).toBeDefined();

    const strict = await runCli(['ci', '--no-vacuity', '--require-executable'], { cwd: root });
    expect(strict.code).toBe(1);
    const strictReport = await readReport(root);
    expect(strictReport.gate.reasons).toEqual([
      {
        kind: 'coverage',
        message:
          'spec coverage 90% (9/10 executable) is below the required 100%: specs/greet.md AC-2 not executable',
      },
    ]);
    expect(strictReport.gate.minExecutable).toBe(1);

    expect((await runCli(['ci', '--no-vacuity', '--min-executable', '85%'], { cwd: root })).code).toBe(0);
    expect((await runCli(['ci', '--no-vacuity', '--min-executable', '0.95'], { cwd: root })).code).toBe(1);
  });

  test('drifted generated/: exit 1, the drifted suite is not run and its criteria are skipped', async () => {
    const root = await copyGreeter();
    const suite = join(root, 'generated/health.test.ts');
    await writeFile(suite, (await readFile(suite, 'utf8')).replace('status: 404', 'status: 200'));
    const result = await runCli(['ci', '--no-vacuity'], { cwd: root });
    expect(result.code, result.stderr + result.stdout).toBe(1);

    const report = await readReport(root);
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'drift',
        file: 'generated/health.test.ts',
        message: expect.stringContaining('hand-edited'),
      }),
    ]);
    expect(report.totals).toEqual({ criteria: 9, passed: 6, failed: 0, notExecutable: 0, skipped: 3 });
    expect(find(report, 'specs/health.md#FM-1').reason).toMatch(
      /^not run: generated\/health\.test\.ts is hand-edited/,
    );
    expect(report.gate.reasons).toEqual([
      {
        kind: 'skipped',
        message:
          '3 executable criteria did not run: specs/health.md C-1, specs/health.md FM-1, specs/health.md AC-1',
      },
      { kind: 'problem', message: expect.stringMatching(/^drift: generated\/health\.test\.ts: hand-edited/) },
    ]);
  });

  test('a lint error fails the gate and names the place', async () => {
    const root = await copyGreeter();
    await writeFile(
      join(root, 'specgate.lint.json'),
      JSON.stringify({ rules: { 'output-without-error-shape': 'error' } }),
    );
    const spec = join(root, 'specs/greet.md');
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace(' with `{ "error": "name is required" }`', ''),
    );
    expect((await runCli(['compile'], { cwd: root })).code).toBe(0);
    const result = await runCli(['ci', '--no-vacuity'], { cwd: root });
    expect(result.code, result.stderr + result.stdout).toBe(1);
    const report = await readReport(root);
    expect(report.totals.passed).toBe(9);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'lint', file: 'specs/greet.md', line: 19, code: 'SG6015' }),
    ]);
  });

  test('a target that never starts: exit 1, every criterion failed with the reason and its output', async () => {
    const root = await copyGreeter();
    const result = await runCli(['ci', '--no-vacuity', '--target', 'node never-starts.mjs'], { cwd: root });
    expect(result.code, result.stderr + result.stdout).toBe(1);
    const report = await readReport(root);
    expect(report.target).toBe('node never-starts.mjs');
    expect(report.totals).toEqual({ criteria: 9, passed: 0, failed: 9, notExecutable: 0, skipped: 0 });
    for (const { criterion } of criteria(report)) {
      expect(criterion.failure?.message).toContain('exited (exit code 1) before it was ready');
      expect(criterion.failure?.message).toContain('fatal: missing GREETER_CONFIG');
      expect(criterion.failure?.replay).toContain("--target 'node never-starts.mjs'");
    }
  });

  test('a broken spec stops the gate before anything runs: exit 2, no reports', async () => {
    const root = await copyGreeter();
    const spec = join(root, 'specs/version.md');
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace(
        'steps:\n    - send: GET /version\n      expect: { status: 200, body',
        'steps:\n    - send: [GET\n      expect: { status: 200, body',
      ),
    );
    const result = await runCli(['ci', '--no-vacuity'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/specs\/version\.md:\d+:\d+/);
    await expect(readFile(join(root, 'specgate-report/report.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  test('three shards merged give the same verdicts as one unsharded run', async () => {
    const root = await copyGreeter();
    const env = { GREETER_BUG: 'truncate' };
    const whole = await runCli(['ci', '--no-vacuity', '--seed', '7', '--report-dir', 'whole'], {
      cwd: root,
      env,
    });
    expect(whole.code, whole.stderr + whole.stdout).toBe(1);
    const unsharded = await readReport(root, 'whole');

    const shardSpecs: string[][] = [];
    for (const index of [1, 2, 3]) {
      const shard = await runCli(['ci', '--no-vacuity', '--seed', '7', '--shard', `${index}/3`], {
        cwd: root,
        env,
      });
      expect([0, 1]).toContain(shard.code);
      const report = await readReport(root);
      expect(report.shard).toEqual({ index, count: 3 });
      shardSpecs.push(report.specs.map((spec) => spec.file));
    }
    // vitest shards by file: each spec ran in exactly one shard.
    expect(shardSpecs.flat().sort()).toEqual(['specs/greet.md', 'specs/health.md', 'specs/version.md']);

    const merge = await runCli(
      ['ci', '--no-vacuity', '--merge', 'specgate-report/blobs', '--report-dir', 'merged'],
      {
        cwd: root,
        env,
      },
    );
    expect(merge.code, merge.stderr + merge.stdout).toBe(1);
    const merged = await readReport(root, 'merged');
    expect(merged.shard).toBeUndefined();
    expect(verdicts(merged)).toEqual(verdicts(unsharded));
    expect(merged.totals).toEqual(unsharded.totals);
    expect(merged.gate).toEqual(unsharded.gate);
    // Same seed, same shrunk counterexample (the transcripts differ only in their timings).
    const pick = (report: RunReport) => {
      const failure = find(report, 'specs/greet.md#AC-1').failure;
      return [failure?.counterexample, failure?.seed, failure?.path, failure?.message, failure?.replay];
    };
    expect(pick(merged)).toEqual(pick(unsharded));
  });

  test('usage errors exit 2 and say what is expected', async () => {
    const root = await copyGreeter();
    const cases: Array<[string[], RegExp]> = [
      [['--shard', '0/3'], /--shard 0\/3: expected i\/n with 1 <= i <= n/],
      [['--shard', '4/3'], /--shard 4\/3: expected i\/n/],
      [['greet', 'health', '--shard', '3/3'], /there are 2 suite\(s\) to share; use at most 2 shard\(s\)/],
      [['--min-executable', '120%'], /--min-executable 120%: expected a share such as 0\.8 or 80%/],
      [['--require-executable', '--min-executable', '0.5'], /use one, not both/],
      [['--merge', 'blobs', '--shard', '1/2'], /--merge and --shard: use one, not both/],
    ];
    for (const [args, message] of cases) {
      const result = await runMain(['ci', ...args], { cwd: root });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});
