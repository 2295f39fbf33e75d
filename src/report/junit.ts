/**
 * The report as JUnit XML, the format CI systems read (GitHub test reporters, GitLab, Jenkins): one
 * testsuite per spec, one testcase per criterion carrying the spec's file and line. Many consumers read
 * nothing but the failure count, so a failed gate always shows as a failure here, also when no criterion
 * failed (drift, lint errors, skipped criteria, coverage below the threshold): a testsuite "specgate gate"
 * holds one failing testcase per problem and per gate reason no criterion testcase shows.
 */
import XMLBuilder from 'fast-xml-builder';
import type {
  CriterionReport,
  FailureEvidence,
  GateReason,
  GateReasonKind,
  Problem,
  RunReport,
  SpecReport,
} from './model.js';
import { evidenceLists, locatedCriteria, plainText, prettyJson, problemPlace, runFacts } from './text.js';

/* The XML as fast-xml-builder's object form: `@` prefixes attributes, `#text` is the text content. */

interface Counts {
  '@tests': number;
  '@failures': number;
  '@errors': number;
  '@skipped': number;
  '@time': string;
}

interface Property {
  '@name': string;
  '@value': string;
}

interface Properties {
  property: Property[];
}

interface Failure {
  '@message': string;
  '@type': string;
  '#text': string;
}

interface Skipped {
  '@message': string;
}

interface TestCase {
  '@name': string;
  '@classname': string;
  '@file'?: string;
  '@line'?: number;
  '@time': string;
  properties?: Properties;
  failure?: Failure;
  skipped?: Skipped;
}

interface TestSuite extends Counts {
  '@name': string;
  '@timestamp': string;
  '@file'?: string;
  properties?: Properties;
  testcase: TestCase[];
}

interface TestSuites extends Counts {
  '@name': 'specgate';
  '@timestamp': string;
  testsuite: TestSuite[];
}

export const GATE_SUITE_NAME = 'specgate gate';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
  // Its default writes an attribute whose value is "true" without a value, which is not XML.
  suppressBooleanAttributes: false,
});

export function renderJUnit(report: RunReport): string {
  const suites = report.specs.map((spec) => specSuite(spec, report.createdAt));
  const gate = report.gate.passed ? undefined : gateSuite(report);
  // Failed criteria alone already fail their own testcases: an empty gate suite would only be noise.
  if (gate && gate.testcase.length > 0) suites.push(gate);
  const root: TestSuites = {
    '@name': 'specgate',
    ...sumCounts(suites, report.durationMs),
    '@timestamp': report.createdAt,
    testsuite: suites,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ testsuites: root })}`;
}

function specSuite(spec: SpecReport, timestamp: string): TestSuite {
  const testcases = spec.sections.flatMap((section) =>
    section.criteria.map((criterion) => criterionCase(criterion, `${spec.name}.${section.title}`)),
  );
  const durationMs = spec.sections
    .flatMap((section) => section.criteria)
    .reduce((sum, criterion) => sum + (criterion.durationMs ?? 0), 0);
  return {
    '@name': attribute(spec.file),
    ...countCases(testcases, durationMs),
    '@timestamp': attribute(timestamp),
    '@file': attribute(spec.file),
    properties: properties([
      ['title', spec.title],
      ['suite', spec.suite],
      ['coverage', `${spec.coverage.executable}/${spec.coverage.total}`],
    ]),
    testcase: testcases,
  };
}

function criterionCase(criterion: CriterionReport, classname: string): TestCase {
  const evidence = criterion.failure;
  const testcase: TestCase = {
    '@name': attribute(criterion.title),
    '@classname': attribute(classname),
    '@file': attribute(criterion.file),
    '@line': criterion.line,
    '@time': seconds(criterion.durationMs),
    properties: properties([
      ['verdict', criterion.verdict],
      ['id', criterion.id],
      ['runs', criterion.runs ?? evidence?.runs],
      ['seed', criterion.seed ?? evidence?.seed],
      ['path', evidence?.path],
      ['replay', evidence?.replay],
    ]),
  };
  switch (criterion.verdict) {
    case 'passed':
      return testcase;
    case 'failed':
      // A failed verdict without evidence is a broken report, yet it must still read as a failure.
      return {
        ...testcase,
        failure: failure(evidence?.message ?? 'failed', 'specgate.failed', evidenceText(evidence)),
      };
    case 'not-executable':
      return {
        ...testcase,
        skipped: { '@message': attribute(`not executable: ${criterion.reason ?? 'no yaml block'}`) },
      };
    case 'skipped':
      return { ...testcase, skipped: { '@message': attribute(criterion.reason ?? 'skipped') } };
  }
}

/** Reasons other testcases already show: failed criteria fail their own, problems have one each. */
const SHOWN_ELSEWHERE: ReadonlySet<GateReasonKind> = new Set(['failed', 'problem']);

/** The gate's own testcases: one per problem, and one per reason no other testcase shows. */
function gateSuite(report: RunReport): TestSuite {
  const testcases = [
    ...report.problems.map(problemCase),
    ...report.gate.reasons.filter((reason) => !SHOWN_ELSEWHERE.has(reason.kind)).map(reasonCase),
  ];
  // A failed gate must show as a failure even when it gives no reason at all.
  const criterionFailed = locatedCriteria(report).some(({ criterion }) => criterion.verdict === 'failed');
  if (testcases.length === 0 && !criterionFailed) testcases.push(gateCase('gate failed', 'the gate failed'));
  return {
    '@name': GATE_SUITE_NAME,
    ...countCases(testcases, 0),
    '@timestamp': attribute(report.createdAt),
    testcase: testcases,
  };
}

function problemCase(problem: Problem): TestCase {
  const place = problemPlace(problem);
  const label = problem.code !== undefined ? `${problem.kind} ${problem.code}` : problem.kind;
  return {
    '@name': attribute(`${label}: ${place ?? firstLine(problem.message)}`),
    '@classname': attribute(`specgate.gate.${problem.kind}`),
    ...(problem.file !== undefined ? { '@file': attribute(problem.file) } : {}),
    ...(problem.line !== undefined ? { '@line': problem.line } : {}),
    '@time': seconds(0),
    failure: failure(
      problem.message,
      `specgate.${problem.kind}`,
      [place, problem.code, problem.message].filter((part) => part !== undefined).join('\n'),
    ),
  };
}

function reasonCase(reason: GateReason): TestCase {
  return gateCase(`gate: ${reason.message}`, reason.message, reason.kind);
}

function gateCase(name: string, message: string, kind?: GateReasonKind): TestCase {
  return {
    '@name': attribute(name),
    '@classname': kind !== undefined ? `specgate.gate.${kind}` : 'specgate.gate',
    '@time': seconds(0),
    failure: failure(message, kind !== undefined ? `specgate.${kind}` : 'specgate.gate', message),
  };
}

function failure(message: string, type: string, text: string): Failure {
  return { '@message': attribute(firstLine(message)), '@type': type, '#text': xmlText(text) };
}

/** The whole evidence as one readable block: CI systems show a failure's text as is. */
function evidenceText(evidence: FailureEvidence | undefined): string {
  if (!evidence) return 'failed without evidence';
  const blocks = [evidence.message];
  if (evidence.counterexample !== undefined)
    blocks.push(`Counterexample:\n${prettyJson(evidence.counterexample)}`);
  const run = runFacts(evidence);
  if (run.length > 0) blocks.push(`Run: ${run.join(', ')}`);
  if (evidence.target !== undefined) blocks.push(`Target: ${evidence.target}`);
  for (const [heading, lines] of evidenceLists(evidence)) {
    if (lines.length > 0) blocks.push(`${heading}:\n${lines.join('\n')}`);
  }
  blocks.push(`Replay:\n${evidence.replay}`);
  return blocks.join('\n\n');
}

function properties(entries: ReadonlyArray<readonly [string, string | number | undefined]>): Properties {
  return {
    property: entries
      .filter((entry): entry is readonly [string, string | number] => entry[1] !== undefined)
      .map(([name, value]) => ({ '@name': name, '@value': attribute(String(value)) })),
  };
}

function countCases(testcases: readonly TestCase[], durationMs: number): Counts {
  return {
    '@tests': testcases.length,
    '@failures': testcases.filter((testcase) => testcase.failure !== undefined).length,
    '@errors': 0,
    '@skipped': testcases.filter((testcase) => testcase.skipped !== undefined).length,
    '@time': seconds(durationMs),
  };
}

function sumCounts(suites: readonly TestSuite[], durationMs: number): Counts {
  const sum = (key: '@tests' | '@failures' | '@skipped'): number =>
    suites.reduce((total, suite) => total + suite[key], 0);
  return {
    '@tests': sum('@tests'),
    '@failures': sum('@failures'),
    '@errors': 0,
    '@skipped': sum('@skipped'),
    '@time': seconds(durationMs),
  };
}

function seconds(durationMs: number | undefined): string {
  return ((durationMs ?? 0) / 1000).toFixed(3);
}

function firstLine(text: string): string {
  return text.split(/\r\n|\r|\n/, 1)[0] ?? '';
}

/* ---------------------------------------------------------------- characters */

/* eslint-disable no-control-regex -- matching control characters is the point */

/**
 * What XML 1.0 cannot hold at all, not even as a character reference: C0 controls but tab, newline and
 * carriage return; lone surrogates; U+FFFE and U+FFFF.
 */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/* eslint-enable no-control-regex */

/** Text content: illegal characters stripped, line ends as an XML parser would normalize them anyway. */
function xmlText(text: string): string {
  return plainText(text, NOT_XML);
}

/**
 * An attribute value: parsers turn tabs and line breaks in attributes into spaces (XML 1.0 §3.3.3),
 * so we do it here and every consumer reads the same value.
 */
function attribute(text: string): string {
  return xmlText(text).replace(/[\t\n]/g, ' ');
}
