/**
 * buildReport: specs parsed from real Markdown joined with vitest outcomes. Each case asserts the whole
 * verdict, the totals, the coverage and the gate's exact reasons, and validates the report against the
 * published schema; a property checks that the counts add up and nothing unjudged counts as passed.
 */
import { readFileSync } from 'node:fs';
import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { Spec } from '../../src/ir.js';
import { parseSpec } from '../../src/parse/index.js';
import { buildReport, describeProblem } from '../../src/report/collect.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ReportInput, SuiteOutcome, TestOutcome } from '../../src/report/collect.js';
import type {
  CriterionReport,
  FailureEvidence,
  GateReason,
  Problem,
  RunReport,
  Totals,
} from '../../src/report/model.js';
import { criteria, validateReport } from '../ci/greeter.js';

/* ------------------------------------------------------------------ specs */

interface CriterionText {
  id: string;
  /** The bold label after the id, if any. */
  name?: string;
  prose: string;
  executable: boolean;
}

interface SpecText {
  name: string;
  constraints?: CriterionText[];
  failureModes?: CriterionText[];
  acceptance?: CriterionText[];
}

function item({ id, name, prose, executable }: CriterionText): string {
  const head = `- **${id}${name !== undefined ? ` ${name}` : ''}**: ${prose}`;
  if (!executable) return head;
  return [
    head,
    '  ```yaml',
    '  steps:',
    '    - send: GET /ping',
    '      expect: { status: 200 }',
    '  ```',
  ].join('\n');
}

/** A section's body: its criteria, or a line of prose when it has none. */
function body(items: readonly CriterionText[] | undefined, prose: string): string {
  return items && items.length > 0 ? items.map(item).join('\n') : prose;
}

/** The Markdown of a spec in the format of specs/*.md (test/cli/helpers.ts validSpec, with criteria anywhere). */
function specSource(text: SpecText): string {
  return `---
spec: ${text.name}
target:
  command: node server.js
  ready: /healthz
---

# The ${text.name} service

## Goal

Answer pings.

## Inputs / Outputs

- \`GET /ping\` answers 200.

## Constraints

${body(text.constraints, 'Nothing else.')}

## Failure Modes

${body(text.failureModes, 'None known.')}

## Out of Scope

- Everything else.

## Acceptance

${body(text.acceptance, 'Nothing yet.')}
`;
}

function parse(text: SpecText): Spec {
  const file = `specs/${text.name}.md`;
  const { spec, diagnostics } = parseSpec(specSource(text), file);
  if (!spec) throw new Error(`${file} does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  return spec;
}

/** AC-1 is executable, AC-2 is prose only; Constraints and Failure Modes hold no criterion. */
const DEMO_TEXT: SpecText = {
  name: 'demo',
  acceptance: [
    { id: 'AC-1', name: 'ping', prose: '`GET /ping` answers 200.', executable: true },
    { id: 'AC-2', prose: 'the answers are   friendly.', executable: false },
  ],
};
const DEMO = parse(DEMO_TEXT);
const SUITE = 'generated/demo.test.ts';
const AC1_TITLE = 'AC-1 ping: GET /ping answers 200.';
const AC2_TITLE = 'AC-2: the answers are friendly.';
const REPLAY = 'specgate test specs/demo.md --criterion AC-1';

/** Lines as parseSpec counts them: where `- **AC-1` and `- **AC-2` stand in the source. */
const SOURCE_LINES = specSource(DEMO_TEXT).split('\n');
const AC1_LINE = SOURCE_LINES.findIndex((line) => line.startsWith('- **AC-1')) + 1;
const AC2_LINE = SOURCE_LINES.findIndex((line) => line.startsWith('- **AC-2')) + 1;

const NOT_EXECUTABLE_REASON = 'no yaml block: the criterion is prose only, so the compiler cannot execute it';

const AC1: CriterionReport = {
  id: 'AC-1',
  name: 'ping',
  title: AC1_TITLE,
  prose: 'GET /ping answers 200.',
  file: 'specs/demo.md',
  line: AC1_LINE,
  column: 1,
  verdict: 'skipped',
};

const AC2: CriterionReport = {
  id: 'AC-2',
  title: AC2_TITLE,
  prose: 'the answers are friendly.',
  file: 'specs/demo.md',
  line: AC2_LINE,
  column: 1,
  verdict: 'not-executable',
  reason: NOT_EXECUTABLE_REASON,
};

/* --------------------------------------------------------------- outcomes */

function outcome(name: string, fields: Partial<TestOutcome> & Pick<TestOutcome, 'state'>): TestOutcome {
  return { name, mode: 'run', errors: [], ...fields };
}

function suite(tests: TestOutcome[], errors: string[] = []): SuiteOutcome {
  return { suite: SUITE, tests, errors };
}

function build(overrides: Partial<ReportInput> = {}): RunReport {
  const report = buildReport({
    specs: [DEMO],
    outcomes: [],
    version: '0.1.0',
    createdAt: new Date('2025-01-02T03:04:05.678Z'),
    durationMs: 1234,
    ...overrides,
  });
  validateReport(report);
  return report;
}

function criterion(report: RunReport, id: string, spec = 'specs/demo.md'): CriterionReport | undefined {
  return criteria(report).find((entry) => entry.spec === spec && entry.criterion.id === id)?.criterion;
}

function totals(passed: number, failed: number, notExecutable: number, skipped: number): Totals {
  return { criteria: passed + failed + notExecutable + skipped, passed, failed, notExecutable, skipped };
}

function bare(message: string): FailureEvidence {
  return { message, faults: [], transcript: [], logs: [], replay: REPLAY };
}

const RICH_EVIDENCE: FailureEvidence = {
  message: 'expected status 200, got 500',
  counterexample: { user: 'a', burst: [1, 2] },
  seed: -12345,
  path: '3:1:0',
  runs: 4,
  shrinks: 7,
  faults: ['+0ms latency 200ms'],
  transcript: ['GET /ping → 500'],
  logs: ['boom'],
  target: 'node server.js',
  replay: 'specgate test specs/demo.md --criterion AC-1 --seed -12345 --path 3:1:0',
};

/* ------------------------------------------------------------------ table */

interface VerdictCase {
  name: string;
  input: Partial<ReportInput>;
  /** AC-1 as the report must hold it (AC-2 is always the prose-only criterion). */
  ac1: CriterionReport;
  reasons: GateReason[];
}

const FAILED_REASON: GateReason = { kind: 'failed', message: '1 criterion failed: specs/demo.md AC-1' };
const SKIPPED_REASON: GateReason = {
  kind: 'skipped',
  message: '1 executable criterion did not run: specs/demo.md AC-1',
};

function problemReason(message: string): GateReason {
  return { kind: 'problem', message };
}

const CASES: VerdictCase[] = [
  {
    name: 'passed with the runtime verdict: passed, with runs, seed and duration',
    input: {
      outcomes: [
        suite([
          outcome(AC1_TITLE, {
            state: 'passed',
            durationMs: 12.5,
            meta: { outcome: 'passed', runs: 100, seed: 42 },
          }),
        ]),
      ],
    },
    ac1: { ...AC1, verdict: 'passed', durationMs: 12.5, runs: 100, seed: 42 },
    reasons: [],
  },
  {
    name: 'passed without the runtime verdict: failed (a hand-edited suite proves nothing)',
    input: { outcomes: [suite([outcome(AC1_TITLE, { state: 'passed', durationMs: 3 })])] },
    ac1: {
      ...AC1,
      verdict: 'failed',
      durationMs: 3,
      failure: bare(
        'the test passed without the specgate runtime judging AC-1: was generated/demo.test.ts edited by hand?',
      ),
    },
    reasons: [FAILED_REASON],
  },
  {
    name: 'failed with the runtime evidence: failed with that evidence',
    input: {
      outcomes: [
        suite([
          outcome(AC1_TITLE, {
            state: 'failed',
            durationMs: 40,
            meta: { outcome: 'failed', evidence: RICH_EVIDENCE },
            errors: ['AssertionError: the runtime message'],
          }),
        ]),
      ],
    },
    ac1: { ...AC1, verdict: 'failed', durationMs: 40, failure: RICH_EVIDENCE },
    reasons: [FAILED_REASON],
  },
  {
    name: 'failed without the runtime evidence: the errors joined and a replay command',
    input: {
      outcomes: [
        suite([outcome(AC1_TITLE, { state: 'failed', errors: ['TypeError: x is undefined', 'and then'] })]),
      ],
    },
    ac1: { ...AC1, verdict: 'failed', failure: bare('TypeError: x is undefined\n\nand then') },
    reasons: [FAILED_REASON],
  },
  {
    name: 'failed with no error message at all: still failed, and says so',
    input: { outcomes: [suite([outcome(AC1_TITLE, { state: 'failed' })])] },
    ac1: { ...AC1, verdict: 'failed', failure: bare('the test failed without an error message') },
    reasons: [FAILED_REASON],
  },
  {
    name: 'a negative duration is clamped to 0',
    input: {
      outcomes: [
        suite([
          outcome(AC1_TITLE, {
            state: 'passed',
            durationMs: -5,
            meta: { outcome: 'passed', runs: 1, seed: 0 },
          }),
        ]),
      ],
    },
    ac1: { ...AC1, verdict: 'passed', durationMs: 0, runs: 1, seed: 0 },
    reasons: [],
  },
  {
    name: 'skipped with a note: the note is the reason',
    input: {
      outcomes: [suite([outcome(AC1_TITLE, { state: 'skipped', mode: 'skip', note: 'needs redis' })])],
    },
    ac1: { ...AC1, reason: 'skipped: needs redis' },
    reasons: [SKIPPED_REASON],
  },
  {
    name: 'a todo: skipped, asking for a recompile',
    input: { outcomes: [suite([outcome(AC1_TITLE, { state: 'skipped', mode: 'todo' })])] },
    ac1: {
      ...AC1,
      reason: 'generated/demo.test.ts marks it as a todo: recompile it with `specgate compile`',
    },
    reasons: [SKIPPED_REASON],
  },
  {
    name: 'skipped by the filter: the selection reason',
    input: {
      outcomes: [suite([outcome(AC1_TITLE, { state: 'skipped', mode: 'skip' })])],
      selectionReason: 'not selected: --criterion AC-9',
    },
    ac1: { ...AC1, reason: 'not selected: --criterion AC-9' },
    reasons: [SKIPPED_REASON],
  },
  {
    name: 'skipped by vitest with no selection reason given',
    input: { outcomes: [suite([outcome(AC1_TITLE, { state: 'skipped', mode: 'skip' })])] },
    ac1: { ...AC1, reason: 'skipped by vitest (not selected in this run)' },
    reasons: [SKIPPED_REASON],
  },
  {
    name: 'pending: the run was interrupted',
    input: { outcomes: [suite([outcome(AC1_TITLE, { state: 'pending' })])] },
    ac1: { ...AC1, reason: 'not finished: the run was interrupted' },
    reasons: [SKIPPED_REASON],
  },
  {
    name: 'suite deliberately not run: skipped with that reason, whatever its outcomes say',
    input: {
      outcomes: [
        suite([outcome(AC1_TITLE, { state: 'passed', meta: { outcome: 'passed', runs: 1, seed: 1 } })]),
      ],
      notRun: new Map([[SUITE, 'not run: generated/demo.test.ts drifted from specs/demo.md']]),
    },
    ac1: { ...AC1, reason: 'not run: generated/demo.test.ts drifted from specs/demo.md' },
    reasons: [SKIPPED_REASON],
  },
  {
    name: 'suite absent from the outcomes: not part of this run',
    input: { outcomes: [] },
    ac1: { ...AC1, reason: 'not run: generated/demo.test.ts was not part of this run' },
    reasons: [SKIPPED_REASON],
  },
  {
    name: 'suite ran but holds no test with the title: skipped, naming the title',
    input: { outcomes: [suite([outcome('AC-1 ping: an older title', { state: 'passed' })])] },
    ac1: { ...AC1, reason: `not run: generated/demo.test.ts has no test titled "${AC1_TITLE}"` },
    reasons: [SKIPPED_REASON],
  },
  {
    name: 'module errors and no tests: failed with the module errors',
    input: {
      outcomes: [suite([], ["Cannot find module 'specgate/runtime'", 'beforeAll: target never ready'])],
    },
    ac1: {
      ...AC1,
      verdict: 'failed',
      failure: bare("Cannot find module 'specgate/runtime'\n\nbeforeAll: target never ready"),
    },
    // The file's own errors also fail the gate as problems of the suite.
    reasons: [
      FAILED_REASON,
      problemReason(`error: ${SUITE}: Cannot find module 'specgate/runtime'`),
      problemReason(`error: ${SUITE}: beforeAll: target never ready`),
    ],
  },
];

describe('buildReport: one verdict per outcome', () => {
  test.each(CASES)('$name', ({ input, ac1, reasons }) => {
    const report = build(input);
    expect(criterion(report, 'AC-1')).toEqual(ac1);
    expect(criterion(report, 'AC-2')).toEqual(AC2);

    const expected = totals(
      ac1.verdict === 'passed' ? 1 : 0,
      ac1.verdict === 'failed' ? 1 : 0,
      1,
      ac1.verdict === 'skipped' ? 1 : 0,
    );
    expect(report.totals).toEqual(expected);
    expect(report.specs[0]?.totals).toEqual(expected);
    expect(report.coverage).toEqual({ executable: 1, unchecked: 0, total: 2, ratio: 0.5 });
    expect(report.specs[0]?.coverage).toEqual({ executable: 1, unchecked: 0, total: 2, ratio: 0.5 });
    expect(report.gate).toEqual({ passed: reasons.length === 0, reasons });
  });

  /*
   * Shapes as vitest 4.1 reports them (checked with outcomesFromTestModules on a real run): a failing
   * file-level beforeAll marks every test skipped (mode 'run', no note) and puts its error on the module;
   * a failing afterAll leaves the tests passed and puts its error on the module.
   */
  test('a failing beforeAll (e.g. a bad --target) fails the criteria with its error', () => {
    const report = build({
      outcomes: [suite([outcome(AC1_TITLE, { state: 'skipped' })], ['bad SPECGATE_TARGET: nope'])],
      selectionReason: 'not selected: --criterion AC-9',
    });
    expect(criterion(report, 'AC-1')).toEqual({
      ...AC1,
      verdict: 'failed',
      failure: bare('bad SPECGATE_TARGET: nope'),
    });
  });

  test('a failing afterAll (e.g. the target does not stop) fails the gate', () => {
    const report = build({
      outcomes: [
        suite(
          [outcome(AC1_TITLE, { state: 'passed', meta: { outcome: 'passed', runs: 1, seed: 1 } })],
          ['target did not stop'],
        ),
      ],
    });
    expect(report.gate.passed).toBe(false);
    expect(report.gate.reasons).toEqual([problemReason(`error: ${SUITE}: target did not stop`)]);
  });

  test.each(['passed', 'failed', 'skipped', 'pending'] as const)(
    'a criterion without a yaml block is not executable, though its test says %s',
    (state) => {
      const report = build({
        outcomes: [
          suite([
            outcome(AC1_TITLE, { state: 'passed', meta: { outcome: 'passed', runs: 5, seed: 9 } }),
            outcome(AC2_TITLE, {
              state,
              meta:
                state === 'failed'
                  ? { outcome: 'failed', evidence: RICH_EVIDENCE }
                  : { outcome: 'passed', runs: 5, seed: 9 },
              errors: state === 'failed' ? ['boom'] : [],
            }),
          ]),
        ],
      });
      expect(criterion(report, 'AC-2')).toEqual(AC2);
      expect(report.totals).toEqual(totals(1, 0, 1, 0));
      expect(report.gate).toEqual({ passed: true, reasons: [] });
    },
  );

  test('the report carries the run: schema version, tool, time, duration, shard and target', () => {
    const report = build({ shard: { index: 2, count: 3 }, target: 'http://localhost:8080', durationMs: -1 });
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'specgate', version: '0.1.0' },
      createdAt: '2025-01-02T03:04:05.678Z',
      durationMs: 0,
      shard: { index: 2, count: 3 },
      target: 'http://localhost:8080',
    });
    const whole = build();
    expect('shard' in whole).toBe(false);
    expect('target' in whole).toBe(false);
  });

  test('the spec report names its file, suite and sections in spec order', () => {
    const report = build();
    const [spec] = report.specs;
    expect(spec).toMatchObject({
      file: 'specs/demo.md',
      name: 'demo',
      title: 'The demo service',
      sha256: DEMO.sha256,
      suite: SUITE,
    });
    expect(spec?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(spec?.sections.map((section) => [section.kind, section.title])).toEqual([
      ['acceptance', 'Acceptance'],
    ]);
  });
});

/* ----------------------------------------------------------------- gate */

/** Each kind of problem and the gate reason describeProblem words it as. */
const PROBLEMS: Array<{ problem: Problem; reason: string }> = [
  {
    problem: { kind: 'drift', file: SUITE, message: 'differs from specs/demo.md: run `specgate compile`' },
    reason: 'drift: generated/demo.test.ts: differs from specs/demo.md: run `specgate compile`',
  },
  {
    problem: {
      kind: 'lint',
      file: 'specs/demo.md',
      line: 12,
      column: 3,
      code: 'SG6005',
      message: 'AC-2 has no yaml block',
    },
    reason: 'lint error: specs/demo.md:12:3: AC-2 has no yaml block (SG6005)',
  },
  {
    problem: { kind: 'lint', file: 'specs/demo.md', line: 7, code: 'SG6010', message: 'vague' },
    reason: 'lint error: specs/demo.md:7:1: vague (SG6010)',
  },
  {
    problem: { kind: 'error', message: 'vitest crashed' },
    reason: 'error: vitest crashed',
  },
];

const PASSING: Partial<ReportInput> = {
  outcomes: [
    suite([outcome(AC1_TITLE, { state: 'passed', meta: { outcome: 'passed', runs: 10, seed: 1 } })]),
  ],
};

describe('buildReport: honest coverage', () => {
  test('a failure mode that says Redis is down but breaks nothing keeps its verdict, counted as unchecked', () => {
    const spec = parse({
      name: 'honest',
      failureModes: [
        {
          id: 'FM-1',
          name: 'redis-down',
          prose: 'when Redis is down, pings still answer 200.',
          executable: true,
        },
      ],
      acceptance: [{ id: 'AC-1', name: 'ping', prose: 'GET /ping answers 200.', executable: true }],
    });
    const passed = { state: 'passed' as const, meta: { outcome: 'passed' as const, runs: 1, seed: 1 } };
    const report = build({
      specs: [spec],
      outcomes: [
        {
          suite: 'generated/honest.test.ts',
          errors: [],
          tests: [
            outcome('FM-1 redis-down: when Redis is down, pings still answer 200.', passed),
            outcome('AC-1 ping: GET /ping answers 200.', passed),
          ],
        },
      ],
    });
    const fm1 = criterion(report, 'FM-1', 'specs/honest.md');
    expect(fm1?.verdict).toBe('passed');
    expect(fm1?.unchecked).toBe(
      'no step makes Redis fail (no fault, kill, pause or restart), so passing proves nothing about "Redis is down"',
    );
    expect(criterion(report, 'AC-1', 'specs/honest.md')?.unchecked).toBeUndefined();
    expect(report.coverage).toEqual({ executable: 1, unchecked: 1, total: 2, ratio: 0.5 });
    expect(report.specs[0]?.coverage).toEqual({ executable: 1, unchecked: 1, total: 2, ratio: 0.5 });
    expect(renderMarkdown(report)).toContain('Unchecked (1): ran, but not evidence of their prose');
    expect(renderHtml(report)).toContain('data-evidence="unchecked">Unchecked: no step makes Redis fail');
  });
});

describe('buildReport: the gate', () => {
  test.each([
    { minExecutable: 0.4, passed: true },
    { minExecutable: 0.5, passed: true },
    { minExecutable: 0.51, passed: false },
    { minExecutable: 1, passed: false },
  ])('coverage 50% against minExecutable $minExecutable: passed=$passed', ({ minExecutable, passed }) => {
    const report = build({ ...PASSING, minExecutable });
    const reasons = passed
      ? []
      : [
          {
            kind: 'coverage',
            message: `spec coverage 50% (1/2 executable) is below the required ${minExecutable * 100}%: specs/demo.md AC-2 not executable`,
          },
        ];
    expect(report.gate).toEqual({ passed, reasons, minExecutable });
  });

  test('without minExecutable, not-executable criteria are counted but do not fail the gate', () => {
    const report = build(PASSING);
    expect(report.totals).toEqual(totals(1, 0, 1, 0));
    expect(report.gate).toEqual({ passed: true, reasons: [] });
  });

  test('coverage below the threshold names every not-executable criterion, across specs', () => {
    const other = parse({
      name: 'other',
      failureModes: [{ id: 'FM-1', name: 'down', prose: 'the store is down.', executable: false }],
      acceptance: [{ id: 'AC-1', prose: 'pings.', executable: true }],
    });
    const report = build({
      ...PASSING,
      specs: [DEMO, other],
      outcomes: [
        ...PASSING.outcomes!,
        {
          suite: 'generated/other.test.ts',
          tests: [
            outcome('AC-1: pings.', { state: 'passed', meta: { outcome: 'passed', runs: 1, seed: 2 } }),
          ],
          errors: [],
        },
      ],
      minExecutable: 1,
    });
    expect(report.coverage).toEqual({ executable: 2, unchecked: 0, total: 4, ratio: 0.5 });
    expect(report.gate.reasons).toEqual([
      {
        kind: 'coverage',
        message:
          'spec coverage 50% (2/4 executable) is below the required 100%: specs/demo.md AC-2, specs/other.md FM-1 not executable',
      },
    ]);
  });

  test.each(PROBLEMS)('a $problem.kind problem is one gate reason: $reason', ({ problem, reason }) => {
    expect(describeProblem(problem)).toBe(reason);
    const report = build({ ...PASSING, problems: [problem] });
    expect(report.problems).toEqual([problem]);
    expect(report.totals).toEqual(totals(1, 0, 1, 0));
    expect(report.gate).toEqual({ passed: false, reasons: [problemReason(reason)] });
  });

  test('verdict reasons come first, then one reason per problem in order', () => {
    const report = build({
      outcomes: [suite([outcome(AC1_TITLE, { state: 'failed', errors: ['boom'] })])],
      problems: PROBLEMS.map(({ problem }) => problem),
      minExecutable: 1,
    });
    expect(report.gate.reasons).toEqual([
      FAILED_REASON,
      {
        kind: 'coverage',
        message:
          'spec coverage 50% (1/2 executable) is below the required 100%: specs/demo.md AC-2 not executable',
      },
      ...PROBLEMS.map(({ reason }) => problemReason(reason)),
    ]);
  });

  test('no specs: no criteria were judged, and coverage has no ratio', () => {
    const report = build({ specs: [], minExecutable: 1 });
    expect(report.totals).toEqual(totals(0, 0, 0, 0));
    expect(report.coverage).toEqual({ executable: 0, unchecked: 0, total: 0, ratio: null });
    expect(report.gate).toEqual({
      passed: false,
      reasons: [{ kind: 'no-criteria', message: 'no criteria were judged' }],
      minExecutable: 1,
    });
  });

  test('a spec without criteria: no criteria were judged, and every contract section is listed empty', () => {
    const report = build({ specs: [parse({ name: 'empty' })] });
    expect(report.specs[0]).toMatchObject({
      totals: totals(0, 0, 0, 0),
      coverage: { executable: 0, unchecked: 0, total: 0, ratio: null },
      sectionsWithoutCriteria: ['Constraints', 'Failure Modes', 'Acceptance'],
      sections: [],
    });
    expect(report.gate).toEqual({
      passed: false,
      reasons: [{ kind: 'no-criteria', message: 'no criteria were judged' }],
    });
  });

  test('long lists of failed criteria are cut after ten', () => {
    const many = parse({
      name: 'many',
      acceptance: Array.from({ length: 12 }, (_, i) => ({
        id: `AC-${i + 1}`,
        prose: `case ${i + 1}.`,
        executable: true,
      })),
    });
    const report = build({
      specs: [many],
      outcomes: [{ suite: 'generated/many.test.ts', tests: [], errors: [] }],
    });
    const named = Array.from({ length: 10 }, (_, i) => `specs/many.md AC-${i + 1}`).join(', ');
    expect(report.gate.reasons).toEqual([
      { kind: 'skipped', message: `12 executable criteria did not run: ${named} and 2 more` },
    ]);
  });
});

describe('gate reasons in the published schema', () => {
  const sample = JSON.parse(
    readFileSync(new URL('../fixtures/reports/sample.json', import.meta.url), 'utf8'),
  ) as RunReport;

  test('the sample report matches it, with one problem reason per problem as describeProblem words it', () => {
    validateReport(sample);
    expect(
      sample.gate.reasons.filter((reason) => reason.kind === 'problem').map((reason) => reason.message),
    ).toEqual(sample.problems.map(describeProblem));
  });

  test.each([
    { name: 'a bare sentence', reason: '1 criterion failed: specs/demo.md AC-1' },
    { name: 'an unknown kind', reason: { kind: 'drift', message: 'drift: x' } },
    { name: 'no message', reason: { kind: 'failed' } },
    { name: 'another field', reason: { kind: 'failed', message: 'm', criteria: ['AC-1'] } },
  ])('a reason that is $name is rejected', ({ reason }) => {
    const report = { ...sample, gate: { passed: false, reasons: [reason] } };
    expect(() => validateReport(report)).toThrow(/does not match its schema[\s\S]*\/gate\/reasons\/0/);
  });
});

/* ------------------------------------------------------- contract sections */

describe('buildReport: sections without criteria', () => {
  test.each([
    {
      name: 'criteria in every contract section',
      text: {
        constraints: [{ id: 'C-1', prose: 'fast.', executable: true }],
        failureModes: [{ id: 'FM-1', prose: 'store down.', executable: false }],
        acceptance: [{ id: 'AC-1', prose: 'pings.', executable: true }],
      },
      sections: ['constraints', 'failure-modes', 'acceptance'],
      empty: [],
    },
    {
      name: 'acceptance only',
      text: { acceptance: [{ id: 'AC-1', prose: 'pings.', executable: true }] },
      sections: ['acceptance'],
      empty: ['Constraints', 'Failure Modes'],
    },
    {
      name: 'failure modes only',
      text: { failureModes: [{ id: 'FM-1', prose: 'store down.', executable: true }] },
      sections: ['failure-modes'],
      empty: ['Constraints', 'Acceptance'],
    },
  ])('$name: empty sections $empty', ({ text, sections, empty }) => {
    const report = build({ specs: [parse({ name: 'sections', ...text })] });
    const [spec] = report.specs;
    expect(spec?.sectionsWithoutCriteria).toEqual(empty);
    expect(spec?.sections.map((section) => section.kind)).toEqual(sections);
  });
});

/* --------------------------------------------------------------- property */

/** What the generated test of one executable criterion reported. */
const OUTCOME_KINDS = [
  'passed',
  'passed-unjudged',
  'failed',
  'failed-bare',
  'skipped-note',
  'todo',
  'filtered',
  'pending',
  'missing',
] as const;
type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** How the suite of a spec fared as a whole. */
const SUITE_KINDS = ['ran', 'absent', 'not-run', 'module-error'] as const;
type SuiteKind = (typeof SUITE_KINDS)[number];

interface ArbitraryCriterion {
  section: 'constraints' | 'failureModes' | 'acceptance';
  executable: boolean;
  outcome: OutcomeKind;
}

interface ArbitrarySpec {
  suite: SuiteKind;
  criteria: ArbitraryCriterion[];
}

const arbitrarySpec: fc.Arbitrary<ArbitrarySpec> = fc.record({
  suite: fc.constantFrom(...SUITE_KINDS),
  criteria: fc.array(
    fc.record({
      section: fc.constantFrom('constraints' as const, 'failureModes' as const, 'acceptance' as const),
      executable: fc.boolean(),
      outcome: fc.constantFrom(...OUTCOME_KINDS),
    }),
    { maxLength: 6 },
  ),
});

const PREFIX = { constraints: 'C', failureModes: 'FM', acceptance: 'AC' } as const;

function testOutcome(title: string, kind: OutcomeKind): TestOutcome | undefined {
  switch (kind) {
    case 'passed':
      return outcome(title, { state: 'passed', meta: { outcome: 'passed', runs: 3, seed: 7 } });
    case 'passed-unjudged':
      return outcome(title, { state: 'passed' });
    case 'failed':
      return outcome(title, { state: 'failed', meta: { outcome: 'failed', evidence: RICH_EVIDENCE } });
    case 'failed-bare':
      return outcome(title, { state: 'failed', errors: ['boom'] });
    case 'skipped-note':
      return outcome(title, { state: 'skipped', mode: 'skip', note: 'later' });
    case 'todo':
      return outcome(title, { state: 'skipped', mode: 'todo' });
    case 'filtered':
      return outcome(title, { state: 'skipped', mode: 'skip' });
    case 'pending':
      return outcome(title, { state: 'pending' });
    case 'missing':
      return undefined;
  }
}

/** The verdict the model says a criterion must get. */
function expectedVerdict(spec: ArbitrarySpec, entry: ArbitraryCriterion): CriterionReport['verdict'] {
  if (!entry.executable) return 'not-executable';
  if (spec.suite === 'absent' || spec.suite === 'not-run') return 'skipped';
  if (spec.suite === 'module-error') return 'failed';
  if (entry.outcome === 'passed') return 'passed';
  if (['passed-unjudged', 'failed', 'failed-bare'].includes(entry.outcome)) return 'failed';
  return 'skipped';
}

function recount(list: readonly CriterionReport[]): Totals {
  const count = (verdict: CriterionReport['verdict']): number =>
    list.filter((entry) => entry.verdict === verdict).length;
  return totals(count('passed'), count('failed'), count('not-executable'), count('skipped'));
}

propertyTest.prop(
  {
    specs: fc.array(arbitrarySpec, { maxLength: 3 }),
    problems: fc.array(fc.constantFrom(...PROBLEMS.map(({ problem }) => problem)), { maxLength: 2 }),
    minExecutable: fc.option(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), { nil: undefined }),
  },
  { numRuns: 100 },
)('totals add up, the gate follows them, and nothing unjudged counts as passed', (generated) => {
  const specs: Spec[] = [];
  const outcomes: SuiteOutcome[] = [];
  const notRun = new Map<string, string>();
  const expected = new Map<string, CriterionReport['verdict']>();

  generated.specs.forEach((arbitrary, index) => {
    const name = `spec-${index}`;
    const text: SpecText = { name };
    arbitrary.criteria.forEach((entry, i) => {
      const id = `${PREFIX[entry.section]}-${i + 1}`;
      (text[entry.section] ??= []).push({ id, prose: `criterion ${i + 1}.`, executable: entry.executable });
      expected.set(`specs/${name}.md ${id}`, expectedVerdict(arbitrary, entry));
    });
    specs.push(parse(text));
    const suiteName = `generated/${name}.test.ts`;
    if (arbitrary.suite === 'not-run') notRun.set(suiteName, 'not run: drifted');
    if (arbitrary.suite === 'module-error') outcomes.push({ suite: suiteName, tests: [], errors: ['boom'] });
    if (arbitrary.suite === 'ran' || arbitrary.suite === 'not-run') {
      const tests = arbitrary.criteria.flatMap((entry, i) => {
        const id = `${PREFIX[entry.section]}-${i + 1}`;
        return testOutcome(`${id}: criterion ${i + 1}.`, entry.outcome) ?? [];
      });
      outcomes.push({ suite: suiteName, tests, errors: [] });
    }
  });

  const report = build({
    specs,
    outcomes,
    notRun,
    problems: generated.problems,
    ...(generated.minExecutable !== undefined ? { minExecutable: generated.minExecutable } : {}),
  });

  // Every criterion got the verdict the model predicts: passed only when the runtime said so.
  const judged = criteria(report);
  expect(
    new Map(judged.map(({ spec, criterion }) => [`${spec} ${criterion.id}`, criterion.verdict])),
  ).toEqual(expected);
  for (const { criterion } of judged) {
    if (criterion.verdict === 'passed') expect(criterion.runs).toBe(3);
    if (criterion.verdict === 'failed') expect(criterion.failure?.message).toBeTruthy();
    if (criterion.verdict === 'skipped' || criterion.verdict === 'not-executable')
      expect(criterion.reason).toBeTruthy();
  }

  for (const spec of report.specs) {
    const list = spec.sections.flatMap((section) => section.criteria);
    expect(spec.totals).toEqual(recount(list));
    const { criteria: all, passed, failed, notExecutable, skipped } = spec.totals;
    expect(all).toBe(passed + failed + notExecutable + skipped);
    expect(spec.coverage).toEqual({
      executable: all - notExecutable,
      unchecked: 0,
      total: all,
      ratio: all === 0 ? null : (all - notExecutable) / all,
    });
  }
  const { totals: overall } = report;
  expect(overall).toEqual(recount(judged.map(({ criterion }) => criterion)));
  expect(overall.criteria).toBe(overall.passed + overall.failed + overall.notExecutable + overall.skipped);
  expect(report.coverage.executable).toBe(overall.criteria - overall.notExecutable);
  expect(report.coverage.total).toBe(overall.criteria);

  const coverageOk =
    generated.minExecutable === undefined ||
    report.coverage.ratio === null ||
    report.coverage.ratio >= generated.minExecutable;
  const shouldPass =
    overall.criteria > 0 &&
    overall.failed === 0 &&
    overall.skipped === 0 &&
    generated.problems.length === 0 &&
    outcomes.every((outcome) => outcome.errors.length === 0) &&
    coverageOk;
  expect(report.gate.passed).toBe(shouldPass);
  expect(report.gate.reasons.length === 0).toBe(shouldPass);
  // One reason per cause, in a fixed order; one per problem, the suites' own errors included.
  expect(report.gate.reasons.map((reason) => reason.kind)).toEqual([
    ...(overall.criteria === 0 ? ['no-criteria'] : []),
    ...(overall.failed > 0 ? ['failed'] : []),
    ...(overall.skipped > 0 ? ['skipped'] : []),
    ...(coverageOk ? [] : ['coverage']),
    ...report.problems.map(() => 'problem'),
  ]);
  expect(
    report.gate.reasons.filter((reason) => reason.kind === 'problem').map((reason) => reason.message),
  ).toEqual(report.problems.map(describeProblem));
  expect(report.problems).toEqual(expect.arrayContaining(generated.problems));
});
