/**
 * The vacuity check in `specgate ci`, on a copy of the greeter project with a spec whose C-1 accepts any
 * status (`$gte: 100`): C-1 is reported vacuous against the servers answering 200 `{}` and 500 (not the
 * silent one, which gives no status at all), the strong criteria are not, and only `--strict` fails the gate.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { RunReport } from '../../src/report/index.js';
import { removeProjects, runCli } from '../cli/helpers.js';
import { copyGreeter, validateReport } from '../ci/greeter.js';
import { WEAK_SPEC } from './weak-spec.js';

afterAll(removeProjects);

async function readReport(root: string): Promise<RunReport> {
  const report = JSON.parse(await readFile(join(root, 'specgate-report/report.json'), 'utf8')) as RunReport;
  validateReport(report);
  return report;
}

describe('the vacuity check', { timeout: 300_000 }, () => {
  test('a criterion that passes against a wrong implementation is reported on that criterion, naming it', async () => {
    const root = await copyGreeter();
    await writeFile(join(root, 'specs/weak.md'), WEAK_SPEC);
    expect((await runCli(['compile'], { cwd: root })).code).toBe(0);

    const lenient = await runCli(['ci', 'specs/weak.md'], { cwd: root });
    expect(lenient.code, lenient.stdout + lenient.stderr).toBe(0);
    expect(lenient.stdout).toContain('vacuous: specs/weak.md:23 C-1 passes against http-200-empty');
    const report = await readReport(root);
    expect(report.gate).toEqual({ passed: true, reasons: [] });
    expect(report.vacuity).toMatchObject({
      strict: false,
      judged: { 'specs/weak.md': ['http-200-empty', 'http-500', 'http-silent'] },
    });
    expect(report.vacuity!.findings.map((f) => `${f.key} ${f.implementation} line ${f.line}`)).toEqual([
      'specs/weak.md#C-1 http-200-empty line 23',
      'specs/weak.md#C-1 http-500 line 23',
    ]);
    const summary = await readFile(join(root, 'specgate-report/summary.md'), 'utf8');
    expect(summary).toContain('## Vacuous criteria (2)');
    const html = await readFile(join(root, 'specgate-report/report.html'), 'utf8');
    expect(html).toContain('data-vacuous="specs/weak.md#C-1" data-implementation="http-500"');

    const strict = await runCli(['ci', 'specs/weak.md', '--strict'], { cwd: root });
    expect(strict.code, strict.stdout + strict.stderr).toBe(1);
    const strictReport = await readReport(root);
    expect(strictReport.gate.reasons).toEqual([
      {
        kind: 'vacuous',
        message:
          '1 criterion passed against a wrong implementation (--strict): specs/weak.md C-1 (http-200-empty), specs/weak.md C-1 (http-500)',
      },
    ]);
    const junit = await readFile(join(root, 'specgate-report/junit.xml'), 'utf8');
    expect(junit).toContain('classname="specgate.gate.vacuous"');
  });

  test('--no-vacuity leaves it out', async () => {
    const root = await copyGreeter();
    await writeFile(join(root, 'specs/weak.md'), WEAK_SPEC);
    expect((await runCli(['compile'], { cwd: root })).code).toBe(0);
    const run = await runCli(['ci', 'specs/weak.md', '--no-vacuity', '--strict'], { cwd: root });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect((await readReport(root)).vacuity).toBeUndefined();
  });
});
