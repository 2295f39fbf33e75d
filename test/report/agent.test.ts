/**
 * The agent reporter: failures only, each within 25 lines, naming the request that broke it and the
 * faults in force then; passing criteria as one count line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AGENT_FAILURE_MAX_LINES, agentFailure, renderAgent } from '../../src/report/agent.js';
import type { CriterionReport, FailureEvidence, RunReport } from '../../src/report/model.js';

const sample = JSON.parse(
  readFileSync(new URL('../fixtures/reports/sample.json', import.meta.url), 'utf8'),
) as RunReport;

function failed(
  evidence: Partial<FailureEvidence>,
  prose = 'when redis is down, requests are allowed',
): CriterionReport {
  return {
    id: 'FM-1',
    name: 'fail-open',
    title: `FM-1 fail-open: ${prose}`,
    prose,
    file: 'specs/limits.md',
    line: 40,
    column: 3,
    verdict: 'failed',
    failure: {
      message: 'failed',
      faults: [],
      transcript: [],
      logs: [],
      replay: 'specgate test x',
      ...evidence,
    },
  };
}

describe('renderAgent', () => {
  test('shows the failed criteria only, and the rest as one count line', () => {
    const output = renderAgent(sample);
    const failures = sample.specs.flatMap((spec) =>
      spec.sections.flatMap((section) => section.criteria.filter((c) => c.verdict === 'failed')),
    );
    expect(failures.length).toBeGreaterThan(0);
    expect(output.match(/^FAIL /gm)).toHaveLength(failures.length);
    for (const criterion of failures) {
      expect(output).toContain(`FAIL ${criterion.id}`);
      expect(output).toContain(`${criterion.file}:${criterion.line}`);
      expect(output).toContain(`replay: ${criterion.failure!.replay}`);
    }
    const passed = sample.specs.flatMap((spec) =>
      spec.sections.flatMap((section) => section.criteria.filter((c) => c.verdict === 'passed')),
    );
    for (const criterion of passed) expect(output).not.toContain(criterion.prose);
    const { totals } = sample;
    expect(output).toContain(
      `specgate: ${totals.passed} passed, ${totals.failed} failed, ${totals.notExecutable} not executable, ${totals.skipped} skipped of ${totals.criteria} criteria`,
    );
    expect(output).toMatch(/never edit generated\//);
  });

  test('a report without failures is the count line alone', () => {
    const report: RunReport = {
      ...sample,
      problems: [],
      specs: sample.specs.map((spec) => ({
        ...spec,
        sections: spec.sections.map((section) => ({
          ...section,
          criteria: section.criteria.filter((criterion) => criterion.verdict !== 'failed'),
        })),
      })),
    };
    expect(renderAgent(report).trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^specgate: \d+ passed, /),
    ]);
  });
});

describe('agentFailure', () => {
  test('names the breaking request, the fault in force and the question it raises', () => {
    const lines = agentFailure(
      failed({
        message: [
          'send GET /api/ping: 1 response check failed (specs/limits.md:44)',
          '  GET /api/ping: status: expected 200 but found 503',
        ].join('\n'),
        faults: [
          '   +10.0ms fault redis: add slow: latency (downstream, toxicity 1)',
          '   +20.0ms fault redis: remove slow',
          '   +30.0ms fault redis: kill',
        ],
        transcript: [
          '    +5.0ms #1 [0] GET /health → 200 (1.0 ms) ok',
          '   +30.0ms fault redis: kill',
          '   +31.0ms #2 [0] GET /api/ping as free → 503 (2.0 ms) {"error":"unavailable"}',
          '   +40.0ms #3 [0] GET /metrics → 200 (1.0 ms) x 1',
        ],
      }),
      'Failure Modes',
    );
    expect(lines[0]).toBe('FAIL FM-1 fail-open (Failure Modes) specs/limits.md:40');
    expect(lines).toContain('    status: expected 200 but found 503');
    expect(lines).toContain('  request: GET /api/ping as free → 503 (2.0 ms) {"error":"unavailable"}');
    // The latency toxic was removed before the request: only the kill was in force.
    expect(lines.filter((line) => line.startsWith('  fault in force:'))).toEqual([
      '  fault in force: redis: kill',
    ]);
    expect(lines.at(-1)).toBe(
      '  question: the spec says "when redis is down, requests are allowed"; the implementation answered 503 to GET /api/ping while redis was down: is the code wrong, or the spec?',
    );
  });

  test('a fault added after the breaking request was not in force', () => {
    const lines = agentFailure(
      failed({
        message: 'send GET /a: 1 response check failed (specs/limits.md:44)',
        faults: ['   +50.0ms fault db: pause'],
        transcript: ['   +10.0ms #1 [0] GET /a → 500 (1.0 ms) boom', '   +50.0ms fault db: pause'],
      }),
      'Failure Modes',
    );
    expect(lines.some((line) => line.includes('fault in force'))).toBe(false);
    expect(lines.at(-1)).toContain('answered 500 to GET /a: is the code wrong');
  });

  test('a step that is no request (an exec check) is the finding; the last request is only context', () => {
    const lines = agentFailure(
      failed({
        message: [
          'expect exec `mc get views:busy`: the result does not match (specs/limits.md:55)',
          '  stdout: expected "10" but found "2"',
        ].join('\n'),
        transcript: ['   +10.0ms #9 [0] POST /pages/busy → 200 (7.0 ms) {"views":2}'],
      }),
      'Constraints',
    );
    expect(lines).toContain('  last request: POST /pages/busy → 200 (7.0 ms) {"views":2}');
    expect(lines.at(-1)).toBe(
      '  question: the spec says "when redis is down, requests are allowed"; the run found: expect exec `mc get views:busy`: the result does not match (stdout: expected "10" but found "2"): is the code wrong, or the spec?',
    );
  });

  test('a long failure is cut to the line budget and keeps the replay command and the question', () => {
    const details = Array.from(
      { length: 60 },
      (_, index) => `  row ${index}: expected ${index} but found ${index + 1}`,
    );
    const lines = agentFailure(
      failed({
        message: ['expect exec: 60 checks failed (specs/limits.md:50)', ...details].join('\n'),
        logs: ['[0 stderr] one', '[0 stderr] two', '[0 stderr] three'],
        counterexample: { rows: Array.from({ length: 500 }, (_, index) => index) },
        replay: 'specgate test specs/limits.md --criterion FM-1 --seed 7',
      }),
      'Failure Modes',
    );
    expect(lines.length).toBe(AGENT_FAILURE_MAX_LINES);
    expect(lines).toContain('    row 0: expected 0 but found 1');
    expect(
      lines.some((line) => /^ {4}… \d+ more \(specgate explain specs\/limits.md FM-1\)$/.test(line)),
    ).toBe(true);
    // Without a request, the implementation's last log lines stand in for it.
    expect(lines).toContain('  log: [0 stderr] three');
    expect(lines).not.toContain('  log: [0 stderr] one');
    expect(lines).toContain('  replay: specgate test specs/limits.md --criterion FM-1 --seed 7');
    expect(lines.at(-1)).toMatch(
      /^ {2}question: the spec says .*; the run found: expect exec: 60 checks failed \(row 0: expected 0 but found 1\): is/,
    );
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(500);
  });
});
