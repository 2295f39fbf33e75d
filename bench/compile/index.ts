/**
 * Compile time for a spec of 1,000 criteria (goal: at most 500 ms), and parse + compile of the
 * same spec as Markdown, beside the start-up time of `node -e ""` measured in the same run, so
 * figures from different machines can be compared. Exit 1 when compileSpec misses the goal.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { compileSpec } from '../../src/compile/index.js';
import type { Criterion, Spec } from '../../src/ir.js';
import { parseSpec } from '../../src/parse/index.js';

const CRITERIA = 1_000;
const GOAL_MS = 500;
const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time(run: () => void, runs = RUNS): number {
  run(); // warm-up: module loading and JIT are not what is measured
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function nodeStartupMs(): number {
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const file = 'specs/bench.md';
const at = (line: number) => ({
  file,
  start: { line, column: 1, offset: 0 },
  end: { line, column: 2, offset: 1 },
});

function benchCriterion(n: number): Criterion {
  return {
    id: `AC-${n}`,
    name: `case-${n}`,
    prose: `request ${n} of a free user is answered with 200 and the user's id, "quoted" and \`coded\`.`,
    section: 'acceptance',
    place: at(n * 10),
    check: {
      let: { expected: `{{ ${n} * 2 }}` },
      steps: [
        {
          kind: 'send',
          method: 'GET',
          path: `/api/ping?n=${n}`,
          as: 'user',
          repeat: 3,
          expect: {
            status: 200,
            body: { ok: true, user: '{{ user.id }}' },
            headers: { 'x-n': { $int: [0, n] } },
          },
          place: at(n * 10 + 3),
        },
        { kind: 'wait', ms: 10, place: at(n * 10 + 6) },
      ],
      place: at(n * 10 + 2),
    },
  };
}

function benchSpec(): Spec {
  const criteria = Array.from({ length: CRITERIA }, (_, i) => benchCriterion(i + 1));
  return {
    name: 'bench',
    title: 'Bench',
    file,
    sha256: '0'.repeat(64),
    config: {
      target: {
        kind: 'command',
        command: 'node server.js',
        env: {},
        ready: { http: '/healthz' },
        readyTimeout: 10_000,
        stopGrace: 3_000,
      },
      services: {},
      identities: { user: { headers: { 'X-User-Id': '{{ id }}' }, defaults: { id: '{{ $unique() }}' } } },
      vars: {},
      runs: 8,
      timeout: 30_000,
      metricsPath: '/metrics',
    },
    sections: [{ kind: 'acceptance', heading: 'Acceptance', text: '', items: [], criteria, place: at(1) }],
    place: at(1),
  };
}

function benchMarkdown(): string {
  const items = Array.from({ length: CRITERIA }, (_, i) => {
    const n = i + 1;
    return [
      `- **AC-${n} case-${n}**: request ${n} of a free user is answered with 200 and the user's id.`,
      '  ```yaml',
      '  steps:',
      `    - send: GET /api/ping?n=${n}`,
      '      as: user',
      '      repeat: 3',
      '      expect: { status: 200, body: { ok: true, user: "{{ user.id }}" } }',
      '    - wait: 10ms',
      '  ```',
    ].join('\n');
  });
  return [
    '---',
    'spec: bench',
    'target:',
    '  command: node server.js',
    '  ready: /healthz',
    'identities:',
    '  user:',
    '    headers: { X-User-Id: "{{ id }}" }',
    '    defaults: { id: "{{ $unique() }}" }',
    '---',
    '',
    '# Bench',
    '',
    '## Goal',
    '',
    'Measure the compiler.',
    '',
    '## Inputs / Outputs',
    '',
    '- `GET /api/ping` answers 200.',
    '',
    '## Constraints',
    '',
    'None.',
    '',
    '## Failure Modes',
    '',
    'None.',
    '',
    '## Out of Scope',
    '',
    '- Everything else.',
    '',
    '## Acceptance',
    '',
    ...items,
    '',
  ].join('\n');
}

const spec = benchSpec();
const compileMs = time(() => compileSpec(spec));
const bytes = Buffer.byteLength(compileSpec(spec));

const markdown = benchMarkdown();
const parsed = parseSpec(markdown, file);
const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
if (!parsed.spec || errors.length > 0) {
  throw new Error(`the bench spec does not parse: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
}
const parsedCriteria = parsed.spec.sections.flatMap((s) => s.criteria).length;
const parseCompileMs = time(() => {
  const result = parseSpec(markdown, file);
  if (result.spec) compileSpec(result.spec);
}, 5);

const startupMs = nodeStartupMs();
const verdict = (ms: number) => (ms <= GOAL_MS ? 'ok' : `OVER the ${GOAL_MS} ms goal`);
const row = (label: string, ms: number, note = '') =>
  `${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / startupMs).toFixed(2).padStart(6)} x node -e ""  ${note}`;
console.log(row(`compileSpec, ${CRITERIA} criteria`, compileMs, verdict(compileMs)));
console.log(row(`parseSpec + compileSpec, ${parsedCriteria}`, parseCompileMs, verdict(parseCompileMs)));
console.log(row('node -e ""', startupMs));
console.log(`generated file: ${(bytes / 1024).toFixed(0)} KiB`);
// The goal gates the compiler, this bench's subject; parse time is shown so a slow parser is seen too.
if (compileMs > GOAL_MS) process.exitCode = 1;
