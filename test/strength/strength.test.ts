/**
 * `specgate strength` on a copy of test/fixtures/strength/greeter, whose C-1 checks the name-length
 * limit with one 30-character name only. StrykerJS mutates rules.mjs: `>` becoming `>=` survives and
 * asks about the boundary; every other mutant is killed, each by the criterion that pins its decision.
 * `--variants` judges the fixture's known-bad variant (killed by C-1) and a correct one (survives).
 * strength.json validates against its published schema.
 */
import { cp, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, test } from 'vitest';
import type { StrengthReport } from '../../src/strength/model.js';
import { makeProject, REPO_ROOT, removeProjects, runCli } from '../cli/helpers.js';

afterAll(removeProjects);

const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
addFormats.default(ajv);
const validate = ajv.compile(
  (await import('../../schema/specgate-strength.schema.json', { with: { type: 'json' } })).default,
);

async function greeterProject(): Promise<string> {
  const root = await makeProject();
  await cp(join(REPO_ROOT, 'test/fixtures/strength/greeter'), root, { recursive: true });
  await symlink(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

async function readStrength(root: string): Promise<StrengthReport> {
  const report = JSON.parse(
    await readFile(join(root, 'specgate-report/strength.json'), 'utf8'),
  ) as StrengthReport;
  if (!validate(report))
    throw new Error(`strength.json does not match its schema: ${JSON.stringify(validate.errors)}`);
  return report;
}

function kills(report: StrengthReport): Record<string, number> {
  return Object.fromEntries(report.criteria.map((criterion) => [criterion.id, criterion.kills.length]));
}

describe('specgate strength', { timeout: 400_000 }, () => {
  test('mutants: the weak criterion lets the boundary mutant survive, with its diff and question', async () => {
    const root = await greeterProject();
    const run = await runCli(['strength', '--mutate', 'rules.mjs', '--concurrency', '2'], {
      cwd: root,
      timeoutMs: 300_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = await readStrength(root);
    const survivors = report.wrong.filter((wrong) => wrong.status === 'survived');
    expect(survivors).toHaveLength(1);
    expect(survivors[0]).toMatchObject({
      file: 'rules.mjs',
      line: 5,
      mutator: 'EqualityOperator',
      original: 'name.length > MAX_NAME',
      replacement: 'name.length >= MAX_NAME',
      question:
        'no criterion fails when `name.length > MAX_NAME` becomes `name.length >= MAX_NAME` (rules.mjs:5): what should happen exactly at the boundary?',
    });
    expect(survivors[0]!.diff).toContain(
      '-  return name.length > MAX_NAME;\n+  return name.length >= MAX_NAME;',
    );
    // The limit's mutants die on C-1 (or on AC-1 when every name is refused); the greeting's on AC-1.
    const killed = report.wrong.filter((wrong) => wrong.status === 'killed' || wrong.status === 'timeout');
    expect(killed.length).toBe(report.wrong.length - 1);
    for (const wrong of killed.filter((entry) => entry.line! >= 9))
      expect(wrong.killedBy).toEqual(['specs/greet.md#AC-1']);
    expect(kills(report)['C-1']).toBeGreaterThanOrEqual(2);
    expect(kills(report)['FM-1']).toBe(0);
    expect(report.score.ratio).toBeCloseTo(killed.length / report.wrong.length);

    const markdown = await readFile(join(root, 'specgate-report/strength.md'), 'utf8');
    expect(markdown).toContain('### Survivors (1)');
    expect(markdown).toContain('what should happen exactly at the boundary?');
    const html = await readFile(join(root, 'specgate-report/strength.html'), 'utf8');
    expect(html).toMatch(/data-wrong="\d+" data-status="survived"/);
  });

  test('mutants: --max-mutants bounds the run; the rest are reported as not run, outside the score', async () => {
    const root = await greeterProject();
    const run = await runCli(
      ['strength', '--mutate', 'rules.mjs', '--max-mutants', '2', '--concurrency', '1'],
      {
        cwd: root,
      },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = await readStrength(root);
    expect(report.score.judged + report.score.errors).toBe(2);
    expect(report.score.notRun).toBe(report.wrong.length - 2);
    expect(report.wrong.find((wrong) => wrong.status === 'not-run')?.reason).toBe('--max-mutants 2 were run');
  });

  test('variants: the known-bad variant is killed by the criterion naming its bug; a correct one survives', async () => {
    const root = await greeterProject();
    const run = await runCli(['strength', '--variants', 'variants'], { cwd: root });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = await readStrength(root);
    expect(report.mode).toBe('variants');
    expect(
      report.wrong.map(({ id, status, killedBy, command }) => ({ id, status, killedBy, command })),
    ).toEqual([
      { id: 'variants/correct.mjs', status: 'survived', killedBy: [], command: 'node variants/correct.mjs' },
      {
        id: 'variants/no-length-limit.mjs',
        status: 'killed',
        killedBy: ['specs/greet.md#C-1'],
        command: 'node variants/no-length-limit.mjs',
      },
    ]);
    expect(report.criteria.find((criterion) => criterion.id === 'C-1')!.kills).toEqual([
      'variants/no-length-limit.mjs',
    ]);
  });

  test('usage: --mutate or --variants, one of them', async () => {
    const root = await greeterProject();
    const run = await runCli(['strength'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('give either --mutate <glob>');
  });
});
