/**
 * The essay's specs run as written: each is the essay's text, every line unchanged, below a short
 * front matter, and every Acceptance and Failure Mode bullet compiles through phrases. The essay
 * is read from ../shared, so a changed line on either side fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSpecs } from '../../src/cli/project.js';
import { REPO_ROOT, runMain } from '../cli/helpers.js';

const essay = readFileSync(join(REPO_ROOT, '../shared/background/spec-driven-development.txt'), 'utf8');

/** The essay's spec from its first line to its last bullet (the essay's prose resumes after it). */
function essaySpec(first: string, resumes: string): string {
  const start = essay.indexOf(first);
  const end = essay.indexOf(resumes, start);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return `${essay.slice(start, end).trimEnd()}\n`;
}

const SPECS = [
  {
    file: 'examples/essay/rate-limit.md',
    spec: essaySpec('# Feature: Per-User API Rate Limiting\n', 'Hand an agent that spec'),
    // The essay's rate-limit spec has every section: nothing is added.
    added: [] as string[],
    criteria: ['C-1', 'C-2', 'C-3', 'C-4', 'FM-1', 'AC-1', 'AC-2', 'AC-3'],
  },
  {
    file: 'examples/essay/csv-import.md',
    spec: essaySpec('# Strong\n', 'The strong version does not'),
    // Its lead is the Goal and its bullets the Constraints; the sections it lacks come after it.
    added: ['Added to the essay', 'Inputs / Outputs', 'Failure Modes', 'Out of Scope', 'Acceptance'],
    criteria: ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'FM-1', 'FM-2', 'AC-1', 'AC-2', 'AC-3', 'AC-4'],
  },
];

describe.each(SPECS)('$file', ({ file, spec, added, criteria }) => {
  const source = readFileSync(join(REPO_ROOT, file), 'utf8');
  const front = /^---\n[\s\S]*?\n---\n/.exec(source)?.[0] ?? '';

  test("is the essay's spec, every line unchanged, below a front matter of at most 15 lines", () => {
    expect(front).not.toBe('');
    expect(front.split('\n').length - 1).toBeLessThanOrEqual(15);
    const body = source.slice(front.length);
    expect(body.slice(0, spec.length)).toBe(spec);
    const rest = body.slice(spec.length);
    expect([...rest.matchAll(/^## (.+)$/gm)].map((heading) => heading[1])).toEqual(added);
    if (added.length === 0) expect(rest).toBe('');
    else expect(rest.startsWith('\n## ')).toBe(true);
  });

  test('every bullet compiles through phrases, and lint says so', async () => {
    const [loaded] = await loadSpecs(REPO_ROOT, [file]);
    expect(loaded!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const compiled = loaded!.spec!.sections.flatMap((section) => section.criteria);
    expect(compiled.map((c) => [c.id, c.check !== undefined, c.notExecutable])).toEqual(
      criteria.map((id) => [id, true, undefined]),
    );
    expect(compiled.every((c) => (c.phrases ?? []).every((use) => use.phrase !== undefined))).toBe(true);
    const lint = await runMain(['lint', file], { cwd: REPO_ROOT });
    const n = criteria.length;
    expect(lint.stdout + lint.stderr).toContain(
      `${file}: ${n} criteria, ${n} executable, 0 not executable; 0 errors`,
    );
  });
});

describe("the CSV essay's lead", () => {
  test('is its Goal and Constraints: the sentence under the title and the bullets, by position', async () => {
    const [loaded] = await loadSpecs(REPO_ROOT, ['examples/essay/csv-import.md']);
    const [goal, constraints] = loaded!.spec!.sections;
    expect(goal).toMatchObject({ kind: 'goal', text: 'Parse an uploaded CSV of transactions.' });
    expect(constraints?.kind).toBe('constraints');
    expect(constraints?.criteria[4]?.prose).toBe(
      'Store into transactions table; the import is one DB transaction.',
    );
  });
});
