/**
 * The Markdown summary as GitHub renders it: parsed back with a GFM parser, the counts and evidence
 * are where a reader looks, untrusted text stays text, and the whole fits the size it is given.
 */
import { readFileSync } from 'node:fs';
import { fc, test as propertyTest } from '@fast-check/vitest';
import type { Code, Heading, Html, ListItem, Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_LENGTH, renderMarkdown } from '../../src/report/markdown.js';
import type { CriterionReport, FailureEvidence, RunReport } from '../../src/report/model.js';

const sample = JSON.parse(
  readFileSync(new URL('../fixtures/reports/sample.json', import.meta.url), 'utf8'),
) as RunReport;

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The text a node shows: its literal values, markup gone (as mdast-util-to-string has it). */
function toString(node: Nodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map((child: Nodes) => toString(child)).join('') : '';
}

function all<T extends Nodes['type']>(tree: Nodes, type: T): Extract<Nodes, { type: T }>[] {
  const found: Nodes[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === type) found.push(node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found as Extract<Nodes, { type: T }>[];
}

function tableRows(tree: Root): string[][] {
  const [table] = all(tree, 'table') as Table[];
  return (table?.children ?? []).map((row) => row.children.map((cell) => toString(cell)));
}

/** The text of the list following the heading whose text starts with `prefix`. */
function listAfter(tree: Root, prefix: string): string[] {
  const index = tree.children.findIndex(
    (node) => node.type === 'heading' && toString(node).startsWith(prefix),
  );
  const list = tree.children[index + 1];
  if (index < 0 || list?.type !== 'list') throw new Error(`no list after heading ${prefix}`);
  return list.children.map((item: ListItem) => toString(item));
}

function codeBlocks(tree: Root, lang: string): string[] {
  return (all(tree, 'code') as Code[]).filter((node) => node.lang === lang).map((node) => node.value);
}

/** The sample with every criterion passed and nothing wrong. */
function passingReport(): RunReport {
  const report = structuredClone(sample);
  for (const spec of report.specs)
    for (const section of spec.sections)
      section.criteria = section.criteria.map((criterion) => ({
        ...criterion,
        verdict: 'passed',
        reason: undefined,
        failure: undefined,
        runs: 10,
        seed: 3,
      }));
  for (const spec of report.specs)
    spec.totals = { ...spec.totals, passed: spec.totals.criteria, failed: 0, notExecutable: 0, skipped: 0 };
  report.totals = { criteria: 7, passed: 7, failed: 0, notExecutable: 0, skipped: 0 };
  report.gate = { passed: true, reasons: [] };
  report.problems = [];
  return report;
}

/** A report of `count` failed criteria, each with `logBytes` of logs. */
function failingReport(count: number, logBytes: number): RunReport {
  const evidence = (index: number): FailureEvidence => ({
    message: `expected 200, found 500 in run ${index}`,
    counterexample: { index, body: 'x'.repeat(100) },
    seed: index,
    path: '0:1',
    faults: [],
    transcript: [`#1 GET /thing/${index} → 500`],
    logs: Array.from({ length: Math.ceil(logBytes / 100) }, (_, line) => `${line} ${'log '.repeat(24)}`),
    replay: `specgate test specs/big.md --criterion AC-${index} --seed ${index}`,
  });
  const criteria: CriterionReport[] = Array.from({ length: count }, (_, index) => ({
    id: `AC-${index}`,
    title: `AC-${index} case-${index}: the service answers request ${index}.`,
    prose: 'p',
    file: 'specs/big.md',
    line: 10 + index,
    column: 1,
    verdict: 'failed',
    failure: evidence(index),
  }));
  const totals = { criteria: count, passed: 0, failed: count, notExecutable: 0, skipped: 0 };
  return {
    ...sample,
    gate: { passed: false, reasons: [{ kind: 'failed', message: `${count} criteria failed` }] },
    totals,
    coverage: { executable: count, unchecked: 0, total: count, ratio: 1 },
    problems: [],
    specs: [
      {
        ...sample.specs[0]!,
        file: 'specs/big.md',
        name: 'big',
        totals,
        coverage: { executable: count, unchecked: 0, total: count, ratio: 1 },
        sections: [{ kind: 'acceptance', title: 'Acceptance', criteria }],
      },
    ],
  };
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/* ------------------------------------------------------------------ sample */

describe('renderMarkdown on the sample report', () => {
  const markdown = renderMarkdown(sample);
  const tree = parse(markdown);

  test('the headline gives the verdict and its reasons', () => {
    expect(markdown.startsWith('## ❌ specgate: gate failed\n')).toBe(true);
    const [list] = all(tree, 'list');
    expect(list?.children.map((item) => toString(item))).toEqual(
      sample.gate.reasons.map((reason) => reason.message),
    );
  });

  test('the spec table counts every verdict and the coverage per spec and overall', () => {
    expect(tableRows(tree)).toEqual([
      ['Spec', 'Passed', 'Failed', 'Not executable', 'Skipped', 'Coverage'],
      ['specs/rate-limit.md — Rate limiting', '3', '1', '1', '1', '5/6 (83.3%)'],
      ['specs/csv-import.md — CSV import', '1', '0', '0', '0', '1/1 (100%)'],
      ['All specs', '4', '1', '1', '1', '6/7 (85.7%)'],
    ]);
    expect(markdown).toContain('**Spec coverage: 85.7%** (6 of 7 criteria executable)');
    expect(markdown).toContain('7 criteria: 4 passed · 1 failed · 1 not executable · 1 skipped');
  });

  test('sections without criteria and problems are listed', () => {
    expect(listAfter(tree, 'Sections without criteria')).toEqual([
      'specs/csv-import.md: Constraints, Failure Modes',
    ]);
    expect(listAfter(tree, 'Problems (2)')).toEqual([
      'drift generated/csv-import.test.ts: hand-edited: its body no longer matches the sha256 in its header; run `specgate compile`',
      'lint SG6007 specs/csv-import.md:12:3: what happens when PostgreSQL is down?',
    ]);
  });

  test('a failed criterion shows its id, title, place and folded evidence', () => {
    const heading = (all(tree, 'heading') as Heading[]).find((node) => toString(node).includes('AC-2'));
    expect(toString(heading!)).toBe('❌ AC-2 over-limit: the 101st request gets 429 with Retry-After.');
    expect(markdown).toContain('`specs/rate-limit.md:88` · rate-limit › Acceptance');
    const html = (all(tree, 'html') as Html[]).map((node) => node.value);
    expect(html).toEqual([
      '<details><summary>Evidence: message, counterexample, seed 1234567, faults, transcript, logs, replay</summary>',
      '</details>',
    ]);
    const failure = sample.specs[0]!.sections[2]!.criteria[1]!.failure!;
    expect(codeBlocks(tree, 'json')).toEqual([JSON.stringify(failure.counterexample, null, 2)]);
    expect(codeBlocks(tree, 'sh')).toEqual([failure.replay]);
    expect(codeBlocks(tree, 'text')).toEqual([
      failure.message,
      failure.faults.join('\n'),
      failure.transcript.join('\n'),
      failure.logs.join('\n'),
    ]);
    expect(markdown).toContain('**Run**: seed `1234567` · path `3:1:0` · 4 runs · 7 shrinks');
  });

  test('not-executable and skipped criteria are listed with their reasons', () => {
    expect(listAfter(tree, 'Not executable (1)')).toEqual([
      'AC-3: the dashboard shows remaining quota <b>clearly</b>. (specs/rate-limit.md:100) — no yaml block: the criterion has prose only',
    ]);
    expect(listAfter(tree, 'Skipped (1)')).toEqual([
      'AC-4 burst: bursts within 1 s are smoothed. (specs/rate-limit.md:104) — not selected: --criterion AC-2',
    ]);
  });
});

test('a passing report says so and lists no failure', () => {
  const markdown = renderMarkdown(passingReport());
  expect(
    markdown.startsWith(
      '## ✅ specgate: gate passed\n\nEvery executable criterion passed (7 of 7 criteria).\n',
    ),
  ).toBe(true);
  expect(markdown).not.toMatch(/❌|### Failed|### Problems|<details>/);
  expect(tableRows(parse(markdown))[3]).toEqual(['All specs', '7', '0', '0', '0', '6/7 (85.7%)']);
});

/* -------------------------------------------------------------- escaping */

describe('untrusted text stays text', () => {
  const hostileTitle =
    'AC-2 pipes | and <script>alert(1)</script> *bold* _em_ [link](https://x.test) `code` ~~gone~~ #';
  const report = structuredClone(sample);
  const spec = report.specs[0]!;
  spec.title = 'Rate | limiting <img src=x onerror=alert(1)>';
  const failed = spec.sections[2]!.criteria[1]!;
  failed.title = hostileTitle;
  spec.sections[2]!.criteria[2]!.reason = 'line one\n\n# not a heading\n- not a list\n| not | a row |';
  report.gate.reasons = [
    '- looks like a list',
    '1. looks ordered',
    '<b>bold</b> & more',
    '<div title="x"',
  ].map((message) => ({ kind: 'problem', message }));
  report.problems[0]!.message = '<details><summary>fake</summary>';
  const markdown = renderMarkdown(report);
  const tree = parse(markdown);

  test('table cells keep their pipes and markup as text', () => {
    const rows = tableRows(tree);
    expect(rows.every((row) => row.length === 6)).toBe(true);
    expect(rows[1]![0]).toBe('specs/rate-limit.md — Rate | limiting <img src=x onerror=alert(1)>');
  });

  test('no HTML, link, emphasis or extra heading comes from untrusted text', () => {
    expect((all(tree, 'html') as Html[]).map((node) => node.value)).toEqual([
      expect.stringMatching(/^<details><summary>Evidence: /),
      '</details>',
    ]);
    for (const type of ['emphasis', 'delete', 'image', 'linkReference'] as const)
      expect(all(tree, type)).toEqual([]);
    // GFM links bare URLs by itself; a link never shows other text than its target.
    expect(all(tree, 'link').map((node) => [toString(node), node.url])).toEqual([
      ['https://x.test', 'https://x.test'],
    ]);
    // Code spans are ours: places, seed, path, target.
    expect(all(tree, 'inlineCode').map((node) => node.value)).toEqual([
      'generated/csv-import.test.ts',
      'specs/csv-import.md:12:3',
      'specs/rate-limit.md:88',
      '1234567',
      '3:1:0',
      'node examples/rate-limit/server.js',
      'specs/rate-limit.md:100',
      'specs/rate-limit.md:104',
    ]);
    const heading = (all(tree, 'heading') as Heading[]).find((node) => toString(node).includes('pipes'));
    expect(toString(heading!)).toBe(`❌ ${hostileTitle}`);
    expect(all(tree, 'heading').some((node) => toString(node) === 'not a heading')).toBe(false);
  });

  test('list items that look like blocks stay one item of text', () => {
    const [reasons] = all(tree, 'list');
    expect(
      reasons?.children.map((item) => [item.children.length, item.children[0]?.type, toString(item)]),
    ).toEqual([
      [1, 'paragraph', '- looks like a list'],
      [1, 'paragraph', '1. looks ordered'],
      [1, 'paragraph', '<b>bold</b> & more'],
      [1, 'paragraph', '<div title="x"'],
    ]);
    expect(listAfter(tree, 'Not executable')).toEqual([
      'AC-3: the dashboard shows remaining quota <b>clearly</b>. (specs/rate-limit.md:100) — line one # not a heading - not a list | not | a row |',
    ]);
  });
});

describe('fenced blocks', () => {
  test('survive content with backtick fences, </details> and ANSI colors', () => {
    const report = structuredClone(sample);
    const failure = report.specs[0]!.sections[2]!.criteria[1]!.failure!;
    failure.message = 'before\n```\n</details>\n````js\nafter';
    failure.logs = ['\u001b[31merror\u001b[0m: ``` inside', '`````'];
    failure.replay = "specgate test 'a`b'";
    const tree = parse(renderMarkdown(report));
    expect(codeBlocks(tree, 'text')).toContain('before\n```\n</details>\n````js\nafter');
    expect(codeBlocks(tree, 'text')).toContain('error: ``` inside\n`````');
    expect(codeBlocks(tree, 'sh')).toEqual(["specgate test 'a`b'"]);
    expect((all(tree, 'html') as Html[]).map((node) => node.value).at(-1)).toBe('</details>');
    // Everything after the evidence is still Markdown.
    expect(all(tree, 'heading').map((node) => toString(node))).toContain('Not executable (1)');
  });
});

/* -------------------------------------------------------------- size */

describe('maxLength', () => {
  const big = failingReport(500, 10_000);
  const full = renderMarkdown(big, { maxLength: Number.MAX_SAFE_INTEGER });

  test('500 large failures: evidence of the last ones is cut, every failure is still named', () => {
    expect(bytes(full)).toBeGreaterThan(DEFAULT_MAX_LENGTH);
    const markdown = renderMarkdown(big);
    expect(bytes(markdown)).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    const tree = parse(markdown);
    const kept = (all(tree, 'html') as Html[]).filter((node) => node.value.startsWith('<details>')).length;
    expect(kept).toBeGreaterThan(50);
    expect(kept).toBeLessThan(500);
    expect(markdown).toContain(
      `> The evidence of the last ${500 - kept} of 500 failed criteria was cut to fit; the HTML and JSON reports hold all of it.`,
    );
    // The first failures keep theirs.
    expect(codeBlocks(tree, 'sh').slice(0, 2)).toEqual([
      'specgate test specs/big.md --criterion AC-0 --seed 0',
      'specgate test specs/big.md --criterion AC-1 --seed 1',
    ]);
    expect(codeBlocks(tree, 'sh')).toHaveLength(kept);
    expect(all(tree, 'heading').filter((node) => toString(node).startsWith('❌ AC-'))).toHaveLength(500);
  });

  test('a PR comment of 500 large failures keeps every name and cuts evidence', () => {
    const markdown = renderMarkdown(big, { maxLength: 65_000 });
    expect(markdown.length).toBeLessThanOrEqual(65_000);
    expect(bytes(markdown)).toBeLessThanOrEqual(65_000);
    const tree = parse(markdown);
    expect(all(tree, 'heading').filter((node) => toString(node).startsWith('❌ AC-'))).toHaveLength(500);
    const kept = codeBlocks(tree, 'sh').length;
    expect(kept).toBeLessThan(10);
    expect(markdown).toContain(
      `> The evidence of the last ${500 - kept} of 500 failed criteria was cut to fit`,
    );
  });

  test('when even the names do not fit, the text is cut at a line and says so', () => {
    const markdown = renderMarkdown(failingReport(3_000, 100), { maxLength: 65_000 });
    expect(bytes(markdown)).toBeLessThanOrEqual(65_000);
    expect(bytes(markdown)).toBeGreaterThan(64_000);
    expect(markdown.startsWith('## ❌ specgate: gate failed\n')).toBe(true);
    expect(
      markdown.endsWith('\n> This summary was cut to fit; the HTML and JSON reports hold all of it.\n'),
    ).toBe(true);
    expect(markdown).not.toContain('<details>');
    expect(tableRows(parse(markdown))[1]).toEqual([
      'specs/big.md — Rate limiting',
      '0',
      '3000',
      '0',
      '0',
      '3000/3000 (100%)',
    ]);
  });

  test('a tiny maxLength still holds', () => {
    for (const maxLength of [0, 1, 5, 40, 80]) {
      expect(bytes(renderMarkdown(sample, { maxLength }))).toBeLessThanOrEqual(maxLength);
    }
  });

  test('what fits is not cut', () => {
    expect(renderMarkdown(sample, { maxLength: bytes(renderMarkdown(sample)) })).toBe(renderMarkdown(sample));
  });

  propertyTest.prop(
    [
      fc.integer({ min: 0, max: 30 }),
      fc.nat({ max: 120_000 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
    ],
    {
      numRuns: 60,
    },
  )('the result never exceeds maxLength and is whole when it fits', (count, maxLength, text) => {
    const report = failingReport(count, 2_000);
    for (const criterion of report.specs[0]!.sections[0]!.criteria) {
      criterion.title = `${criterion.id} ${text}`;
      criterion.failure!.logs.push(`😀 ${text}`);
    }
    const whole = renderMarkdown(report, { maxLength: Number.MAX_SAFE_INTEGER });
    const markdown = renderMarkdown(report, { maxLength });
    expect(bytes(markdown)).toBeLessThanOrEqual(maxLength);
    if (bytes(whole) <= maxLength) expect(markdown).toBe(whole);
    // Open evidence is always closed.
    expect(markdown.split('<details>').length).toBe(markdown.split('</details>').length);
  });
});
