import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSpec } from '../../src/parse/index.js';
import type { Criterion } from '../../src/ir.js';

const ESSAY = 'examples/essay/rate-limit.md';
const library = {
  file: 'examples/essay/phrases.yaml',
  source: readFileSync('examples/essay/phrases.yaml', 'utf8'),
};

function criteriaOf(source: string, file = 'specs/x.md', withLibrary = false): Criterion[] {
  const { spec, diagnostics } = parseSpec(source, file, withLibrary ? { library } : {});
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return spec!.sections.flatMap((section) => section.criteria);
}

const FRONT = `---
spec: ping
target: { command: node server.mjs }
services: { redis: redis }
identities:
  free: { headers: { X-User: "{{ id }}" }, defaults: { id: "{{ $unique() }}" } }
route: GET /api/ping
time: { 60s: 2s }
PHRASES---

# Ping

## Goal

Answer pings.

## Tiers

- free: 5 req/min

## Acceptance

`;

const spec = (acceptance: string, phrases = ''): string => FRONT.replace('PHRASES', phrases) + acceptance;

describe('the essay spec, as written', () => {
  const criteria = criteriaOf(readFileSync(ESSAY, 'utf8'), ESSAY, true);

  test('every bullet compiles through phrases', () => {
    expect(criteria.map((c) => [c.id, c.check !== undefined])).toEqual([
      ['C-1', true],
      ['C-2', true],
      ['C-3', true],
      ['C-4', true],
      ['FM-1', true],
      ['AC-1', true],
      ['AC-2', true],
      ['AC-3', true],
    ]);
  });

  test('the failure mode reads as a fault, the requests, a warning and a metric, its last sentence as rationale', () => {
    const fm = criteria.find((c) => c.id === 'FM-1')!;
    expect(fm.phrases?.map((use) => [use.clause, use.book])).toEqual([
      ['If Redis is unreachable', 'services'],
      ['FAIL OPEN', 'http'],
      ['log a warning', 'observables'],
      ['increment a metric `ratelimit_backend_error`', 'observables'],
      ['We would rather serve traffic than hard-fail on an infra blip', 'prose'],
    ]);
    expect(fm.check!.steps.map((step) => step.kind)).toEqual([
      'fault',
      'send',
      'expect-log',
      'expect-metric',
    ]);
  });

  test('durations of the prose run as the front matter maps them, and the mapping is stated', () => {
    const ac1 = criteria.find((c) => c.id === 'AC-1')!;
    expect(ac1.phrases?.[0]?.timeMappings).toEqual(['60s → 10000 ms']);
    const [before, last] = ac1.check!.steps;
    expect(before).toMatchObject({ kind: 'send', repeat: '{{ 61 - 1 }}', as: 'free' });
    expect(last).toMatchObject({ kind: 'send', expect: { status: 429 } });
  });
});

describe('phrases', () => {
  test('a clause no phrase matches makes its criterion not executable, never passed', () => {
    const [criterion] = criteriaOf(spec('- The dashboard sparkles.\n'));
    expect(criterion!.check).toBeUndefined();
    expect(criterion!.notExecutable).toContain('no phrase matches "The dashboard sparkles"');
  });

  test('a clause two phrases match is an error naming both', () => {
    const { diagnostics } = parseSpec(
      spec('- Returns 200.\n', 'phrases:\n  "returns {int}": { steps: [{ send: GET /x }] }\n'),
      'specs/x.md',
    );
    const error = diagnostics.find((d) => d.code === 'SG7002');
    expect(error?.message).toContain('"return(s) {int}" (http)');
    expect(error?.message).toContain('"returns {int}" (spec)');
  });

  test("the spec's own phrase takes parameters and context", () => {
    const [criterion] = criteriaOf(
      spec(
        '- The window frees up after 60s.\n',
        'phrases:\n  "the window frees up after {duration}":\n    steps:\n      - { send: <route>, as: <identity>, repeat: <limit> }\n      - wait: <duration>\n',
      ),
    );
    expect(criterion!.check!.steps).toMatchObject([
      { kind: 'send', path: '/api/ping', repeat: 5, as: 'free' },
      { kind: 'wait', ms: 2000 },
    ]);
  });

  test('a phrase that needs context the spec lacks says what to add', () => {
    const source = spec('- Returns 200.\n').replace('route: GET /api/ping\n', '');
    const [criterion] = criteriaOf(source);
    expect(criterion!.notExecutable).toContain('front matter `route: GET /path`');
  });

  test('prose cannot inject templates: a quoted string is substituted as text', () => {
    const [criterion] = criteriaOf(spec('- Redis key: "k:{{ $millis }}".\n'));
    const expectRedis = criterion!.check!.steps.find((step) => step.kind === 'expect-redis');
    expect(expectRedis).toMatchObject({ key: 'k:{{{{ $millis }}' });
  });
});

describe('phrases of stored rows and of a database that never answers', () => {
  const front = `---
spec: store
target: { command: node server.mjs }
services: { db: postgres }
identities: { user: { headers: { X-User: u1 } } }
---

# Store

## Goal

Store things.

## Inputs / Outputs

- \`POST /things\` stores a thing.

## Acceptance

`;
  const steps = (prose: string): unknown[] => {
    const [criterion] = criteriaOf(`${front}- ${prose}\n`);
    expect(criterion!.notExecutable).toBeUndefined();
    return criterion!.check!.steps;
  };
  const count = (n: number) => ({
    kind: 'expect-sql',
    service: 'db',
    query: 'select count(*)::int as n from things',
    rows: [{ n }],
  });

  test('a silent database is a fault both ways; "is still empty" is checked where the prose puts it, before the requests after it', () => {
    expect(
      steps(
        'When the database accepts connections but never answers, `POST /things` returns 503, `things` is still empty, `POST /things` returns 201 and `things` holds 1 row.',
      ),
    ).toMatchObject([
      { kind: 'fault', service: 'db', toxic: 'timeout', stream: 'upstream', attributes: { timeout: 0 } },
      { kind: 'fault', service: 'db', toxic: 'timeout', stream: 'downstream', attributes: { timeout: 0 } },
      { kind: 'send', path: '/things', expect: { status: 503 } },
      count(0),
      { kind: 'send', path: '/things', expect: { status: 201 } },
      count(1),
    ]);
  });
});

describe('docs/phrases.md', () => {
  test('documents every built-in phrase', async () => {
    const { builtInPhrases } = await import('../../src/phrases/index.js');
    const docs = readFileSync('docs/phrases.md', 'utf8');
    for (const definition of builtInPhrases) expect(docs).toContain(`\`${definition.phrase}\``);
  });
});
