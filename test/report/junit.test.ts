/**
 * The JUnit rendering as a CI system reads it: parsed back with an XML parser, every criterion is a
 * testcase at its spec's file and line, nothing unpassed looks passed, a failed gate is a red build,
 * and no string can break the XML.
 */
import { readFileSync } from 'node:fs';
import { fc, test as propertyTest } from '@fast-check/vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { GATE_SUITE_NAME, renderJUnit } from '../../src/report/junit.js';
import type { CriterionReport, GateReason, RunReport } from '../../src/report/model.js';

const sample = JSON.parse(
  readFileSync(new URL('../fixtures/reports/sample.json', import.meta.url), 'utf8'),
) as RunReport;

/* ------------------------------------------------------------- parsed form */

interface XmlProperty {
  '@name': string;
  '@value': string;
}
interface XmlFailure {
  '@message': string;
  '@type': string;
  '#text'?: string;
}
interface XmlTestCase {
  '@name': string;
  '@classname': string;
  '@file'?: string;
  '@line'?: string;
  '@time': string;
  properties?: { property: XmlProperty[] };
  failure?: XmlFailure;
  skipped?: { '@message': string };
}
interface XmlCounts {
  '@name': string;
  '@tests': string;
  '@failures': string;
  '@errors': string;
  '@skipped': string;
  '@time': string;
}
interface XmlTestSuite extends XmlCounts {
  '@file'?: string;
  testcase: XmlTestCase[];
}
interface XmlTestSuites extends XmlCounts {
  testsuite: XmlTestSuite[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

/** Renders, checks well-formedness, and parses back. */
function roundTrip(report: RunReport): XmlTestSuites {
  const xml = renderJUnit(report);
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as { testsuites: XmlTestSuites }).testsuites;
}

function suiteNamed(root: XmlTestSuites, name: string): XmlTestSuite {
  const suite = root.testsuite.find((candidate) => candidate['@name'] === name);
  if (!suite) throw new Error(`no testsuite ${name}`);
  return suite;
}

function caseNamed(suite: XmlTestSuite, prefix: string): XmlTestCase {
  const testcase = suite.testcase.find((candidate) => candidate['@name'].startsWith(prefix));
  if (!testcase) throw new Error(`no testcase ${prefix}`);
  return testcase;
}

function propertiesOf(testcase: XmlTestCase): Record<string, string> {
  return Object.fromEntries((testcase.properties?.property ?? []).map((p) => [p['@name'], p['@value']]));
}

function counts(node: XmlCounts): Record<string, number> {
  return {
    tests: Number(node['@tests']),
    failures: Number(node['@failures']),
    errors: Number(node['@errors']),
    skipped: Number(node['@skipped']),
  };
}

/** A copy of the sample whose gate passed: no failure, no problem, nothing skipped. */
function passingReport(): RunReport {
  const report = structuredClone(sample);
  for (const spec of report.specs)
    for (const section of spec.sections)
      section.criteria = section.criteria.map((criterion) =>
        criterion.verdict === 'failed'
          ? { ...criterion, verdict: 'passed', failure: undefined, runs: 10, seed: 3 }
          : criterion,
      );
  report.gate = { passed: true, reasons: [] };
  report.problems = [];
  return report;
}

/* ------------------------------------------------------------------ sample */

describe('renderJUnit on the sample report', () => {
  const root = roundTrip(sample);
  const rateLimit = suiteNamed(root, 'specs/rate-limit.md');

  test('one testsuite per spec and the gate suite, with counts that add up', () => {
    expect(root['@name']).toBe('specgate');
    expect(root.testsuite.map((suite) => suite['@name'])).toEqual([
      'specs/rate-limit.md',
      'specs/csv-import.md',
      GATE_SUITE_NAME,
    ]);
    expect(counts(rateLimit)).toEqual({ tests: 6, failures: 1, errors: 0, skipped: 2 });
    expect(counts(suiteNamed(root, 'specs/csv-import.md'))).toEqual({
      tests: 1,
      failures: 0,
      errors: 0,
      skipped: 0,
    });
    // 7 criteria + 3 gate testcases (2 problems, 1 reason about skipped criteria).
    expect(counts(root)).toEqual({ tests: 10, failures: 4, errors: 0, skipped: 2 });
    expect(root['@time']).toBe('9.123');
    expect(rateLimit['@time']).toBe('8.824');
  });

  test('each criterion is a testcase at its spec file and line, classed by spec and section', () => {
    expect(
      rateLimit.testcase.map((testcase) => [
        testcase['@name'].split(' ')[0],
        testcase['@classname'],
        testcase['@file'],
        testcase['@line'],
      ]),
    ).toEqual([
      ['C-1', 'rate-limit.Constraints', 'specs/rate-limit.md', '40'],
      ['FM-1', 'rate-limit.Failure Modes', 'specs/rate-limit.md', '60'],
      ['AC-1', 'rate-limit.Acceptance', 'specs/rate-limit.md', '80'],
      ['AC-2', 'rate-limit.Acceptance', 'specs/rate-limit.md', '88'],
      ['AC-3:', 'rate-limit.Acceptance', 'specs/rate-limit.md', '100'],
      ['AC-4', 'rate-limit.Acceptance', 'specs/rate-limit.md', '104'],
    ]);
    expect(caseNamed(rateLimit, 'AC-3')['@name']).toBe(
      'AC-3: the dashboard shows remaining quota <b>clearly</b>.',
    );
    expect(caseNamed(rateLimit, 'AC-2')['@time']).toBe('4.210');
  });

  test('a failure carries its first line as message and the whole evidence as text', () => {
    const failed = caseNamed(rateLimit, 'AC-2');
    expect(failed.failure?.['@message']).toBe('expected response status 429, found 200');
    expect(failed.failure?.['@type']).toBe('specgate.failed');
    const text = failed.failure?.['#text'] ?? '';
    expect(text).toContain('at step 2 (specs/rate-limit.md:88:7): send GET /api/ping as free x 101');
    expect(text).toContain('"user": "u_3kq <script>alert(1)</script>"');
    expect(text).toContain('"note": "a & b \\"quoted\\""');
    expect(text).toContain('seed 1234567, path 3:1:0, 4 runs, 7 shrinks');
    expect(text).toContain('+12.0ms fault redis: add timeout (downstream, toxicity 1)');
    expect(text).toContain('#101 [0] GET /api/ping as free → 200 (0.9 ms) {"ok":true}');
    expect(text).toContain('[0 stderr] warn: redis unavailable, failing open');
    expect(text).toContain(
      "Replay:\nspecgate test specs/rate-limit.md --criterion AC-2 --seed 1234567 --path '3:1:0'",
    );
    expect(propertiesOf(failed)).toEqual({
      verdict: 'failed',
      id: 'AC-2',
      runs: '4',
      seed: '1234567',
      path: '3:1:0',
      replay: "specgate test specs/rate-limit.md --criterion AC-2 --seed 1234567 --path '3:1:0'",
    });
  });

  test('not-executable and skipped criteria are skipped testcases with their reason', () => {
    const notExecutable = caseNamed(rateLimit, 'AC-3');
    expect(notExecutable.skipped?.['@message']).toBe(
      'not executable: no yaml block: the criterion has prose only',
    );
    expect(notExecutable.failure).toBeUndefined();
    expect(propertiesOf(notExecutable).verdict).toBe('not-executable');
    const skipped = caseNamed(rateLimit, 'AC-4');
    expect(skipped.skipped?.['@message']).toBe('not selected: --criterion AC-2');
    expect(propertiesOf(skipped).verdict).toBe('skipped');
  });

  test('only passed criteria look passed: every other testcase has a failure or a skipped element', () => {
    for (const testcase of root.testsuite.flatMap((suite) => suite.testcase)) {
      const verdict = propertiesOf(testcase).verdict;
      const looksPassed = testcase.failure === undefined && testcase.skipped === undefined;
      expect(looksPassed, testcase['@name']).toBe(verdict === 'passed');
    }
    expect(propertiesOf(caseNamed(rateLimit, 'C-1'))).toEqual({
      verdict: 'passed',
      id: 'C-1',
      runs: '100',
      seed: '-1958373420',
    });
  });

  test('the gate suite fails once per problem and per reason no other testcase shows', () => {
    const gate = suiteNamed(root, GATE_SUITE_NAME);
    expect(
      gate.testcase.map((testcase) => [
        testcase['@name'],
        testcase['@classname'],
        testcase.failure?.['@type'],
      ]),
    ).toEqual([
      ['drift: generated/csv-import.test.ts', 'specgate.gate.drift', 'specgate.drift'],
      ['lint SG6007: specs/csv-import.md:12:3', 'specgate.gate.lint', 'specgate.lint'],
      [
        'gate: 1 executable criterion did not run: specs/rate-limit.md AC-4',
        'specgate.gate.skipped',
        'specgate.skipped',
      ],
    ]);
    const lint = caseNamed(gate, 'lint');
    expect([lint['@file'], lint['@line']]).toEqual(['specs/csv-import.md', '12']);
    expect(lint.failure?.['@message']).toBe('what happens when PostgreSQL is down?');
    expect(lint.failure?.['#text']).toBe(
      'specs/csv-import.md:12:3\nSG6007\nwhat happens when PostgreSQL is down?',
    );
  });
});

describe('renderJUnit and the gate', () => {
  test('a passed gate adds no gate suite and no failure', () => {
    const root = roundTrip(passingReport());
    expect(root.testsuite.map((suite) => suite['@name'])).toEqual([
      'specs/rate-limit.md',
      'specs/csv-import.md',
    ]);
    expect(counts(root)).toEqual({ tests: 7, failures: 0, errors: 0, skipped: 2 });
  });

  test('drift alone fails the XML although every criterion passed', () => {
    const report = passingReport();
    report.problems = [
      { kind: 'drift', file: 'generated/a.test.ts', message: 'stale: run `specgate compile`' },
    ];
    report.gate = {
      passed: false,
      reasons: [{ kind: 'problem', message: 'drift: generated/a.test.ts: stale: run `specgate compile`' }],
    };
    const root = roundTrip(report);
    const gate = suiteNamed(root, GATE_SUITE_NAME);
    // The problem reason is shown by the problem's own testcase.
    expect(gate.testcase.map((testcase) => testcase['@name'])).toEqual(['drift: generated/a.test.ts']);
    expect(counts(root).failures).toBe(1);
  });

  /** Gates that failed for one reason no criterion testcase shows, each in a report that says so. */
  const ALONE: Array<{ name: string; reason: GateReason; change?: (report: RunReport) => void }> = [
    {
      name: 'coverage below the threshold',
      reason: {
        kind: 'coverage',
        message:
          'spec coverage 85.7% (6/7 executable) is below the required 100%: specs/rate-limit.md AC-3 not executable',
      },
      change: (report) => {
        report.gate.minExecutable = 1;
      },
    },
    {
      name: 'skipped criteria',
      reason: { kind: 'skipped', message: '1 executable criterion did not run: specs/rate-limit.md AC-4' },
    },
    {
      name: 'no criteria',
      reason: { kind: 'no-criteria', message: 'no criteria were judged' },
      change: (report) => {
        report.specs = [];
      },
    },
  ];

  test.each(ALONE)('a gate failed only for $name is one failing gate testcase', ({ reason, change }) => {
    const report = passingReport();
    report.gate = { passed: false, reasons: [reason] };
    change?.(report);
    const root = roundTrip(report);
    const gate = suiteNamed(root, GATE_SUITE_NAME);
    expect(
      gate.testcase.map((testcase) => [
        testcase['@name'],
        testcase['@classname'],
        testcase.failure?.['@message'],
        testcase.failure?.['#text'],
      ]),
    ).toEqual([[`gate: ${reason.message}`, `specgate.gate.${reason.kind}`, reason.message, reason.message]]);
    expect(counts(gate)).toEqual({ tests: 1, failures: 1, errors: 0, skipped: 0 });
    expect(counts(root).failures).toBe(1);
  });

  test('a gate failed only for criteria has no gate suite: their testcases already fail', () => {
    const report = structuredClone(sample);
    report.problems = [];
    report.gate = {
      passed: false,
      reasons: [{ kind: 'failed', message: '1 criterion failed: specs/rate-limit.md AC-2' }],
    };
    const root = roundTrip(report);
    expect(root.testsuite.map((suite) => suite['@name'])).toEqual([
      'specs/rate-limit.md',
      'specs/csv-import.md',
    ]);
    expect(counts(root).failures).toBe(1);
  });

  test("a reason's kind, not its words, decides whether it has a testcase", () => {
    const report = passingReport();
    report.problems = [{ kind: 'error', message: 'vitest crashed' }];
    report.gate = {
      passed: false,
      reasons: [
        // Quotes the problem's message, yet only the kind says what it is about.
        { kind: 'skipped', message: '1 executable criterion did not run after vitest crashed' },
        // Quotes nothing, yet it is the problem's reason, shown by the problem's testcase.
        { kind: 'problem', message: 'something else entirely' },
      ],
    };
    expect(
      suiteNamed(roundTrip(report), GATE_SUITE_NAME).testcase.map((testcase) => testcase['@name']),
    ).toEqual(['error: vitest crashed', 'gate: 1 executable criterion did not run after vitest crashed']);
  });

  test('a failed gate without reasons still fails the XML', () => {
    const report = passingReport();
    report.gate = { passed: false, reasons: [] };
    const root = roundTrip(report);
    expect(suiteNamed(root, GATE_SUITE_NAME).testcase.map((testcase) => testcase['@name'])).toEqual([
      'gate failed',
    ]);
    expect(counts(root).failures).toBe(1);
  });
});

/* -------------------------------------------------------------- escaping */

/** Pieces XML can carry as they are: markup characters, entities, line separators, astral characters. */
const legalPiece = fc.oneof(
  fc.constantFrom(
    '"',
    "'",
    '<',
    '>',
    '&',
    ']]>',
    '<![CDATA[',
    '</failure>',
    '&amp;',
    '&#65;',
    '&lt;',
    '<!--',
    '\u2028',
    '\u2029',
    '😀',
    '👩‍👩‍👧',
    '\t',
    '\n',
    '\r',
    '\r\n',
    ' ',
    'true',
    '\u0085',
    '\u007f',
  ),
  fc.string({ maxLength: 8 }),
);

/** Pieces XML 1.0 cannot carry at all, or that only mean something on a terminal. */
const illegalPiece = fc.oneof(
  fc
    .constantFrom(...[...Array(32).keys()].filter((code) => ![9, 10, 13, 27].includes(code)))
    .map((code) => String.fromCharCode(code)),
  fc.constantFrom(
    '\u001b[31m',
    '\u001b[0m',
    '\u001b[1;32m',
    '\u001b[2K',
    '\u001b]0;title\u0007',
    '\ufffe',
    '\uffff',
  ),
  // A low surrogate never pairs with anything before it: legal pieces are well-formed strings.
  fc.constant('\udc00'),
);

interface Hostile {
  /** What goes into the report. */
  raw: string;
  /** What is left once the illegal pieces are gone. */
  legal: string;
}

const hostile: fc.Arbitrary<Hostile> = fc
  .array(
    fc.oneof(
      legalPiece.map((text) => ({ text, legal: true })),
      illegalPiece.map((text) => ({ text, legal: false })),
    ),
    {
      maxLength: 12,
    },
  )
  .map((pieces) => ({
    raw: pieces.map((piece) => piece.text).join(''),
    legal: pieces
      .filter((piece) => piece.legal)
      .map((piece) => piece.text)
      .join(''),
  }));

/** Text content as any XML parser delivers it: line ends normalized (XML 1.0 §2.11). */
function asText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Attribute values as any XML parser delivers them: whitespace characters become spaces (§3.3.3). */
function asAttribute(text: string): string {
  return asText(text).replace(/[\t\n]/g, ' ');
}

function hostileReport(strings: {
  title: Hostile;
  message: Hostile;
  log: Hostile;
  replay: Hostile;
  reason: Hostile;
  problem: Hostile;
  gateReason: Hostile;
}): RunReport {
  const base = { prose: 'p', file: 'specs/x.md', line: 1, column: 1 };
  const failed: CriterionReport = {
    ...base,
    id: 'AC-1',
    title: strings.title.raw,
    verdict: 'failed',
    failure: {
      message: strings.message.raw,
      faults: [],
      transcript: [],
      logs: [strings.log.raw],
      replay: strings.replay.raw,
    },
  };
  const skipped: CriterionReport = {
    ...base,
    id: 'AC-2',
    title: 'AC-2',
    verdict: 'skipped',
    reason: strings.reason.raw,
  };
  return {
    ...sample,
    specs: [
      {
        ...sample.specs[0]!,
        sections: [{ kind: 'acceptance', title: 'Acceptance', criteria: [failed, skipped] }],
      },
    ],
    problems: [{ kind: 'error', message: strings.problem.raw }],
    gate: { passed: false, reasons: [{ kind: 'skipped', message: `zz ${strings.gateReason.raw}` }] },
  };
}

propertyTest.prop(
  {
    title: hostile,
    message: hostile,
    log: hostile,
    replay: hostile,
    reason: hostile,
    problem: hostile,
    gateReason: hostile,
  },
  { numRuns: 300 },
)('hostile strings always yield well-formed XML that parses back to them', (strings) => {
  const root = roundTrip(hostileReport(strings));
  const [failed, skipped] = suiteNamed(root, 'specs/rate-limit.md').testcase;
  expect(failed?.['@name']).toBe(asAttribute(strings.title.legal));
  expect(failed?.failure?.['@message']).toBe(asAttribute(strings.message.legal.split(/\r\n|\r|\n/)[0]!));
  expect(failed?.failure?.['#text']).toBe(
    asText(`${strings.message.legal}\n\nLogs:\n${strings.log.legal}\n\nReplay:\n${strings.replay.legal}`),
  );
  expect(propertiesOf(failed!).replay).toBe(asAttribute(strings.replay.legal));
  expect(skipped?.skipped?.['@message']).toBe(asAttribute(strings.reason.legal));

  const gate = suiteNamed(root, GATE_SUITE_NAME);
  const problem = gate.testcase[0]!;
  expect(problem.failure?.['#text'] ?? '').toBe(asText(strings.problem.legal));
  // Whatever the reason says (it may well quote the problem), its kind gives it a testcase of its own.
  expect(gate.testcase).toHaveLength(2);
  const reason = gate.testcase[1]!;
  expect(reason['@name']).toBe(asAttribute(`gate: zz ${strings.gateReason.legal}`));
  expect(reason.failure?.['#text']).toBe(asText(`zz ${strings.gateReason.legal}`));
});
