/**
 * The HTML report read back with a real HTML parser (parse5): what a browser would build from it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { defaultTreeAdapter as tree, parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import type { CriterionReport, RunReport } from '../../src/report/model.js';

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

const sample = JSON.parse(
  readFileSync(new URL('../fixtures/reports/sample.json', import.meta.url), 'utf8'),
) as RunReport;

/* --------------------------------------------------------------- helpers */

function elements(node: ParentNode): Element[] {
  return tree
    .getChildNodes(node)
    .filter(tree.isElementNode)
    .flatMap((child) => [child, ...elements(child)]);
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function text(node: ParentNode): string {
  return tree
    .getChildNodes(node)
    .map((child) =>
      tree.isTextNode(child) ? tree.getTextNodeContent(child) : tree.isElementNode(child) ? text(child) : '',
    )
    .join('');
}

/** The one element matching, by attribute (value optional). */
function one(root: ParentNode, name: string, value?: string): Element {
  const matches = all(root, name, value);
  expect(matches, `[${name}${value === undefined ? '' : `="${value}"`}]`).toHaveLength(1);
  return matches[0]!;
}

function all(root: ParentNode, name: string, value?: string): Element[] {
  return elements(root).filter((el) => {
    const found = attr(el, name);
    return found !== undefined && (value === undefined || found === value);
  });
}

function byTag(root: ParentNode, tag: string): Element[] {
  return elements(root).filter((el) => el.tagName === tag);
}

function byClass(root: ParentNode, name: string): Element[] {
  return elements(root).filter((el) => (attr(el, 'class') ?? '').split(' ').includes(name));
}

function criteriaOf(report: RunReport): { spec: string; criterion: CriterionReport }[] {
  return report.specs.flatMap((spec) =>
    spec.sections.flatMap((section) => section.criteria.map((criterion) => ({ spec: spec.file, criterion }))),
  );
}

const sampleDoc = parse(renderHtml(sample));

/* ----------------------------------------------------------------- sample */

describe('the sample report', () => {
  test('shows the totals and the coverage figure from the model', () => {
    for (const [key, value] of Object.entries(sample.totals)) {
      expect(text(one(sampleDoc, 'data-count', key)), key).toBe(String(value));
    }
    expect(text(one(sampleDoc, 'data-coverage', 'executable'))).toBe('6');
    expect(text(one(sampleDoc, 'data-coverage', 'total'))).toBe('7');
    // 6/7 = 85.7%: rounded down, never overstated.
    expect(text(one(sampleDoc, 'data-coverage', 'percent'))).toBe('85%');
  });

  test('puts the gate verdict and its reasons on top', () => {
    const gate = one(sampleDoc, 'data-gate', 'failed');
    expect(text(byTag(gate, 'h2')[0]!)).toContain('Gate failed');
    expect(byTag(gate, 'li').map(text)).toEqual(sample.gate.reasons.map((reason) => reason.message));
    const main = byTag(sampleDoc, 'main')[0]!;
    expect(
      tree
        .getChildNodes(main)
        .filter(tree.isElementNode)
        .map((el) => el.tagName),
    ).toEqual(['header', 'section', 'section', 'section', 'p', 'section', 'section']);
  });

  test('lists the problems', () => {
    const items = all(sampleDoc, 'data-problem');
    expect(items.map((item) => attr(item, 'data-problem'))).toEqual(['drift', 'lint']);
    expect(text(items[0]!)).toContain(sample.problems[0]!.message);
    expect(text(items[1]!)).toContain('SG6007');
    expect(text(items[1]!)).toContain('specs/csv-import.md:12:3');
  });

  test('has one row per criterion, in report order, with its verdict in words; only failures open', () => {
    const rows = byTag(sampleDoc, 'details');
    const expected = criteriaOf(sample);
    expect(rows.map((row) => attr(row, 'data-criterion'))).toEqual(
      expected.map(({ spec, criterion }) => `${spec}#${criterion.id}`),
    );
    const words = {
      passed: 'passed',
      failed: 'failed',
      'not-executable': 'not executable',
      skipped: 'skipped',
    };
    rows.forEach((row, i) => {
      const { criterion } = expected[i]!;
      expect(attr(row, 'data-verdict')).toBe(criterion.verdict);
      expect(attr(row, 'open')).toBe(criterion.verdict === 'failed' ? '' : undefined);
      const summary = byTag(row, 'summary')[0]!;
      expect(text(byClass(summary, 'verdict')[0]!)).toContain(words[criterion.verdict]);
      expect(text(byClass(summary, 'prose')[0]!)).toBe(criterion.prose);
      expect(text(byClass(summary, 'where')[0]!)).toBe(`${criterion.file}:${criterion.line}`);
    });
  });

  test('keeps spec prose as text: `<b>` in a criterion is not markup', () => {
    const row = one(sampleDoc, 'data-criterion', 'specs/rate-limit.md#AC-3');
    expect(byTag(row, 'b')).toEqual([]);
    expect(text(row)).toContain('the dashboard shows remaining quota <b>clearly</b>.');
  });

  test('shows runs, seed and duration of a passed criterion', () => {
    const summary = byTag(one(sampleDoc, 'data-criterion', 'specs/rate-limit.md#C-1'), 'summary')[0]!;
    expect(text(byClass(summary, 'runs')[0]!)).toBe('100 runs · seed -1958373420');
    expect(text(byClass(summary, 'duration')[0]!)).toBe('813 ms');
  });

  test('expands a failed criterion to every part of its evidence', () => {
    const row = one(sampleDoc, 'data-criterion', 'specs/rate-limit.md#AC-2');
    const failure = criteriaOf(sample).find(({ criterion }) => criterion.id === 'AC-2')!.criterion.failure!;
    const part = (name: string): string => text(one(row, 'data-evidence', name));
    expect(part('message')).toBe(failure.message);
    expect(JSON.parse(part('counterexample'))).toEqual(failure.counterexample);
    expect(part('counterexample')).toBe(JSON.stringify(failure.counterexample, null, 2));
    expect(part('faults')).toBe(failure.faults.join('\n'));
    expect(part('transcript')).toBe(failure.transcript.join('\n'));
    expect(part('logs')).toBe(failure.logs.join('\n'));
    const replay = one(row, 'data-evidence', 'replay');
    expect(replay.tagName).toBe('code');
    expect(text(replay)).toBe(failure.replay);
    const facts = text(byClass(row, 'facts')[0]!);
    for (const fact of ['1234567', '3:1:0', 'shrunk 7 times', failure.target!, 'specs/rate-limit.md:88:1']) {
      expect(facts).toContain(fact);
    }
  });

  test('gives the reason of skipped and not-executable criteria', () => {
    for (const id of ['AC-3', 'AC-4']) {
      const { criterion } = criteriaOf(sample).find((entry) => entry.criterion.id === id)!;
      const row = one(sampleDoc, 'data-criterion', `specs/rate-limit.md#${id}`);
      expect(text(one(row, 'data-evidence', 'reason'))).toBe(criterion.reason);
    }
  });

  test('shows per-spec coverage, counts and the sections without criteria', () => {
    const csv = one(sampleDoc, 'data-spec', 'specs/csv-import.md');
    expect(text(byTag(csv, 'h2')[0]!)).toBe('CSV import');
    expect(text(one(csv, 'data-spec-coverage', 'percent'))).toBe('100%');
    expect(text(one(csv, 'data-spec-count', 'passed'))).toBe('1');
    expect(text(one(csv, 'data-sections-without-criteria'))).toBe(
      '! No criteria in Constraints, Failure Modes',
    );
    const rate = one(sampleDoc, 'data-spec', 'specs/rate-limit.md');
    expect(text(one(rate, 'data-spec-coverage', 'percent'))).toBe('83%');
    expect(text(one(rate, 'data-spec-count', 'notExecutable'))).toBe('1');
    expect(all(rate, 'data-sections-without-criteria')).toEqual([]);
    expect(all(rate, 'data-section').map((el) => attr(el, 'data-section'))).toEqual([
      'constraints',
      'failure-modes',
      'acceptance',
    ]);
  });

  test('is self-contained: nothing to fetch, and only its own script may run', () => {
    for (const el of elements(sampleDoc)) {
      expect(['link', 'img', 'iframe', 'object', 'embed', 'base']).not.toContain(el.tagName);
      for (const name of ['src', 'href', 'srcset', 'action', 'poster'])
        expect(attr(el, name)).toBeUndefined();
    }
    const scripts = byTag(sampleDoc, 'script');
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(text(scripts[0]!)).digest('base64');
    const csp = attr(one(sampleDoc, 'http-equiv', 'Content-Security-Policy'), 'content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
  });

  test('is deterministic', () => {
    expect(renderHtml(sample)).toBe(renderHtml(structuredClone(sample)));
  });
});

/* --------------------------------------------------------- other reports */

test('a passing report without criteria says so and offers no failure filter', () => {
  const empty: RunReport = {
    ...sample,
    gate: { passed: true, reasons: [], minExecutable: 1 },
    totals: { criteria: 0, passed: 0, failed: 0, notExecutable: 0, skipped: 0 },
    coverage: { executable: 0, unchecked: 0, total: 0, ratio: null },
    specs: [],
    problems: [],
    shard: { index: 2, count: 3 },
    target: 'http://127.0.0.1:8080',
  };
  const doc = parse(renderHtml(empty));
  expect(text(byTag(one(doc, 'data-gate', 'passed'), 'h2')[0]!)).toContain('Gate passed');
  expect(text(one(doc, 'data-gate'))).toContain('at least 100% of criteria to be executable');
  expect(text(one(doc, 'data-coverage', 'percent'))).toBe('—');
  expect(text(one(doc, 'data-count', 'criteria'))).toBe('0');
  expect(all(doc, 'id', 'only-failed')).toEqual([]);
  expect(byClass(doc, 'problems')).toEqual([]);
  const head = text(byTag(doc, 'header')[0]!);
  expect(head).toContain('shard 2/3');
  expect(head).toContain('target http://127.0.0.1:8080');
});

/* ---------------------------------------------------- hostile strings */

const HOSTILE = [
  '</script>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"',
  "'",
  '" onmouseover="alert(1)',
  '&',
  '&amp;',
  '&lt;b&gt;',
  '\u2028',
  '\u2029',
  '<!--',
  '-->',
  '<![CDATA[',
  '</pre>',
  '</details><details open>',
  '</style><style>',
  '</title>',
  '</textarea>',
  '<svg onload=alert(1)>',
  '\n',
  '\r\n',
  '<',
  '>',
  '`${x}`',
];

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string()), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((s) => s.length > 0);

/** Every string of the sample replaced by `s`, except the enums the model types. */
function withEveryString(s: string): RunReport {
  const replace = (value: unknown, key: string): unknown => {
    if (key === 'counterexample') return { [s]: s, list: [s, 1] };
    if (typeof value === 'string') return key === 'verdict' || key === 'kind' ? value : s;
    if (Array.isArray(value)) return value.map((item) => replace(item, ''));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, k)]));
    }
    return value;
  };
  return replace(sample, '') as RunReport;
}

/** What the parser builds, without the data: tags and attribute names in document order. */
function skeleton(doc: ParentNode): string[] {
  return elements(doc).map((el) => `${el.tagName}[${el.attrs.map((a) => a.name).join(',')}]`);
}

/** The input stream's newline normalisation, which any HTML parser applies before anything else. */
const parsed = (s: string): string => s.replace(/\r\n?/g, '\n');

const neutral = skeleton(parse(renderHtml(withEveryString('x'))));

test.prop([hostile], { numRuns: 150 })('hostile strings never create elements or attributes', (s) => {
  const doc = parse(renderHtml(withEveryString(s)));
  expect(skeleton(doc)).toEqual(neutral);
  for (const row of byTag(doc, 'details')) {
    expect(attr(row, 'data-criterion')).toBe(`${parsed(s)}#${parsed(s)}`);
    expect(text(byClass(row, 'prose')[0]!)).toBe(parsed(s));
  }
  const failed = one(doc, 'data-verdict', 'failed');
  expect(text(one(failed, 'data-evidence', 'message'))).toBe(parsed(s));
  expect(JSON.parse(text(one(failed, 'data-evidence', 'counterexample')))).toEqual({ [s]: s, list: [s, 1] });
  expect(text(byTag(doc, 'title')[0]!)).toBe('specgate: gate failed, 4 of 7 criteria passed');
});

test('implementation output loses its ANSI colour codes and invisible control characters', () => {
  const report = structuredClone(sample);
  const failure = report.specs[0]!.sections[2]!.criteria[1]!.failure!;
  failure.logs = ['\u001b[31merror:\u001b[0m redis down\u0007'];
  failure.message = 'expected \u001b[1m429\u001b[22m';
  const html = renderHtml(report);
  expect(html).toContain('error: redis down');
  expect(html).toContain('expected 429');
  expect([...html].filter((char) => char === '\u001b' || char === '\u0007')).toEqual([]);
});
