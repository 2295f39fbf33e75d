/** Specs as people write them: the essay's layout parses, lints and compiles without edits. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileSpec } from '../../src/compile/index.js';
import { lintSpec } from '../../src/lint/index.js';
import { parseSpec } from '../../src/parse/index.js';

const essay = readFileSync(new URL('../fixtures/essay-rate-limit.md', import.meta.url), 'utf8');

function parse(source: string, file = 'specs/essay.md') {
  return parseSpec(source, file);
}

describe("the essay's rate-limit spec, as written", () => {
  const { spec, diagnostics } = parse(essay);

  test('parses without errors; no front matter is an info, the missing Inputs / Outputs a warning', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      expect.stringMatching(/^SG1004 .*Inputs \/ Outputs/),
      expect.stringMatching(/^SG2001 /),
    ]);
    expect(spec?.name).toBe('essay');
    expect(spec?.title).toBe('Feature: Per-User API Rate Limiting');
  });

  test('`Failure Mode` in the singular is the failure-modes section', () => {
    expect(spec?.sections.map((s) => s.kind)).toEqual([
      'goal',
      'constraints',
      'failure-modes',
      'out-of-scope',
      'acceptance',
    ]);
  });

  test('`Tiers` is a context section with its items', () => {
    expect(spec?.context?.map((c) => c.heading)).toEqual(['Tiers']);
    expect(spec?.context?.[0]?.items.map((i) => i.text)).toEqual([
      'free: 60 req/min',
      'paid: 600 req/min',
      'Tier comes from user.plan (already on the auth context).',
    ]);
  });

  test('id-less items get ids by section and position', () => {
    const criteria = spec!.sections.flatMap((s) => s.criteria);
    expect(criteria.map((c) => c.id)).toEqual(['C-1', 'C-2', 'C-3', 'C-4', 'FM-1', 'AC-1', 'AC-2', 'AC-3']);
    expect(criteria.every((c) => c.implicitId)).toBe(true);
    expect(criteria.find((c) => c.id === 'AC-1')?.prose).toBe(
      '61st request within 60s for a free user returns 429.',
    );
  });

  test('every criterion is not executable with the reason, never an error', () => {
    const criteria = spec!.sections.flatMap((s) => s.criteria);
    expect(criteria.every((c) => !c.check && c.notExecutable?.startsWith('no target'))).toBe(true);
    const generated = compileSpec(spec!);
    expect(generated).toContain(
      'test.todo("AC-1: 61st request within 60s for a free user returns 429. [not executable: no target',
    );
  });

  test('lint runs in full: the reviewer questions and the id suggestion', () => {
    const codes = lintSpec(spec!).map((d) => d.code);
    expect(codes).toContain('SG6021');
    expect(codes).toContain('SG6001');
    expect(codes.length).toBeGreaterThan(8);
  });
});

describe('headings as people write them', () => {
  const doc = (failure: string, io: string, acceptance: string): string =>
    `# T\n\n## Goal\n\nG.\n\n## ${io}\n\n- \`GET /x\`\n\n## ${failure}\n\n- If Redis is down: fail open.\n\n## Out of Scope\n\n- N.\n\n## ${acceptance}\n\n- x answers 200.\n`;

  test.each([
    ['Failure Mode', 'Input/Output', 'Acceptance'],
    ['Failure Modes', 'Inputs / Outputs', 'Acceptance Criteria'],
    ['Failure modes', 'I/O', 'Acceptance'],
  ])('%s, %s, %s', (failure, io, acceptance) => {
    const { spec, diagnostics } = parse(doc(failure, io, acceptance));
    expect(diagnostics.filter((d) => d.code !== 'SG2001' && d.code !== 'SG1004')).toEqual([]);
    expect(spec?.sections.map((s) => s.kind)).toEqual([
      'goal',
      'io',
      'failure-modes',
      'out-of-scope',
      'acceptance',
    ]);
  });

  test('a heading close to a known one is still a typo warning', () => {
    const { diagnostics } = parse(doc('Failure Mdoes', 'I/O', 'Acceptance'));
    expect(diagnostics.map((d) => d.code)).toContain('SG1005');
  });

  test('a criterion with a yaml block under a context heading is a located error', () => {
    const source = `# T\n\n## Goal\n\nG.\n\n## Notes\n\n- **AC-9**: x.\n\n  \`\`\`yaml\n  steps: []\n  \`\`\`\n\n## Acceptance\n\n- x.\n`;
    const { spec, diagnostics } = parse(source);
    expect(spec).toBeUndefined();
    const error = diagnostics.find((d) => d.code === 'SG1008');
    expect(error?.place.start.line).toBe(11);
    expect(error?.hint).toContain('"Notes" is a context section');
  });

  test('a section mixing written ids and id-less items is an error (positions would clash)', () => {
    const source = `# T\n\n## Goal\n\nG.\n\n## Acceptance\n\n- **AC-1**: a.\n- b.\n`;
    expect(parse(source).diagnostics.map((d) => d.code)).toContain('SG1007');
  });
});

describe('the lead: what is written under the title before any section', () => {
  test('its paragraph is the Goal and its bullets the Constraints, with ids by position, at their lines', () => {
    const source = `# Strong\nParse a file.\n- Columns: a, b.\n- Store into \`t\` table.\n\n## Acceptance\n\n- x.\n`;
    const { spec, diagnostics } = parse(source);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [goal, constraints] = spec!.sections;
    expect(goal).toMatchObject({ kind: 'goal', text: 'Parse a file.', place: { start: { line: 2 } } });
    expect(constraints?.kind).toBe('constraints');
    expect(constraints?.criteria.map((c) => [c.id, c.prose, c.place.start.line])).toEqual([
      ['C-1', 'Columns: a, b.', 3],
      ['C-2', 'Store into t table.', 4],
    ]);
  });

  test('a lead that written sections already cover is a context section named after the title', () => {
    const source = `# T\n\nIntro.\n\n- a note\n\n## Goal\n\nG.\n\n## Constraints\n\n- c.\n\n## Acceptance\n\n- x.\n`;
    const { spec } = parse(source);
    expect(spec?.sections.map((s) => [s.kind, s.text])).toEqual([
      ['goal', 'G.'],
      ['constraints', '- c.'],
      ['acceptance', '- x.'],
    ]);
    expect(spec?.context).toMatchObject([
      { heading: 'T', text: 'Intro.\n\n- a note', items: [{ text: 'a note' }] },
    ]);
  });

  test('without a lead, a missing Goal is still an error', () => {
    const { diagnostics } = parse(`# T\n\n## Acceptance\n\n- x.\n`);
    expect(diagnostics.map((d) => d.code)).toContain('SG1003');
  });
});
