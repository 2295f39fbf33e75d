/**
 * End to end: a real node:http limiter (test/fixtures/executor/limiter-server.mjs)
 * as a command target, a real Redis behind the fault proxy, criteria as the
 * compiler would emit them, run through defineSpecSuite.
 */
import { describe, expect, test } from 'vitest';
import type { Criterion, Place, SpecConfig, Step } from '../../../src/ir.js';
import { defineSpecSuite } from '../../../src/runtime/index.js';

const FILE = 'specs/limiter.md';
const at = (line: number): Place => ({
  file: FILE,
  start: { line, column: 1, offset: 0 },
  end: { line, column: 1, offset: 0 },
});

const config: SpecConfig = {
  target: {
    kind: 'command',
    command: 'node test/fixtures/executor/limiter-server.mjs',
    env: { LIMIT: '3' },
    ready: { http: '/healthz' },
    readyTimeout: 10_000,
    stopGrace: 3_000,
  },
  services: { redis: { kind: 'redis', env: 'REDIS_URL' } },
  identities: { user: { headers: { 'X-User-Id': '{{ id }}' }, defaults: { id: 'u-{{ $unique() }}' } } },
  vars: { limit: 3 },
  runs: 5,
  timeout: 20_000,
  metricsPath: '/metrics',
};

process.env.SPECGATE_SHRINK_MS = '20000';
const suite = defineSpecSuite({
  name: 'limiter',
  title: 'Limiter',
  file: FILE,
  sha256: '0'.repeat(64),
  config,
});

function criterion(
  id: string,
  steps: Step[],
  extra: Partial<NonNullable<Criterion['check']>> = {},
): Criterion {
  return {
    id,
    prose: `criterion ${id}`,
    section: 'acceptance',
    place: at(10),
    check: { actors: { alice: { identity: 'user', params: {} } }, steps, place: at(11), ...extra },
  };
}

const overLimit: Step = {
  kind: 'send',
  method: 'GET',
  path: '/api/ping',
  as: 'alice',
  repeat: '{{ vars.limit + 1 }}',
  tally: { status: { '200': '{{ vars.limit }}', '429': 1 } },
  save: 'burst',
  place: at(20),
};

describe('executor end to end', () => {
  test('limits, redis state, fail-open under a fault with log and metric, recovery after heal', async () => {
    await suite.verify(
      criterion('AC-1', [
        overLimit,
        {
          kind: 'assert',
          that: 'burst.all[3].status = 429 and burst.body.error = "rate_limited"',
          place: at(21),
        },
        {
          kind: 'expect-redis',
          service: 'redis',
          key: 'rl:{{ alice.id }}',
          expect: { exists: true, type: 'string', ttl: { $int: [1, 60_000] } },
          place: at(22),
        },
        { kind: 'mark', name: 'before-fault', place: at(23) },
        { kind: 'fault', service: 'redis', toxic: 'down', place: at(24) },
        {
          kind: 'send',
          method: 'GET',
          path: '/api/ping',
          as: 'alice',
          expect: { status: 200, body: { user: '{{ alice.id }}' }, latency: { $lt: 2000 } },
          place: at(25),
        },
        { kind: 'expect-log', level: 'warn', contains: 'ratelimit', since: 'before-fault', place: at(26) },
        {
          kind: 'expect-metric',
          name: 'ratelimit_backend_error',
          delta: 1,
          since: 'before-fault',
          place: at(27),
        },
        { kind: 'heal', service: 'redis', place: at(28) },
        {
          kind: 'eventually',
          within: 5_000,
          every: 100,
          steps: [
            {
              kind: 'send',
              method: 'GET',
              path: '/api/ping',
              as: 'alice',
              expect: { status: 429 },
              place: at(30),
            },
          ],
          place: at(29),
        },
      ]),
    );
  });

  test('a wrong expectation fails with the spec line, mismatch, transcript, logs and replay command', async () => {
    const wrong: Step = { ...overLimit, tally: { status: { '200': 4 } }, place: at(42) };
    const error = await suite.verify(criterion('AC-2', [wrong])).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(error).toBeInstanceOf(Error);
    const message = error!.message;
    expect(message).toContain('AC-2 failed: criterion AC-2');
    expect(message).toContain(`send GET /api/ping ×4: the tally does not match (${FILE}:42)`);
    expect(message).toContain('tally.status.200: expected 4 but found 3');
    expect(message).toContain('responses by status: {"200":3,"429":1}');
    expect(message).toMatch(/Transcript \(last 20 entries\):\n.*#1 \[0\] GET \/api\/ping as alice → 200/);
    expect(message).toMatch(/#4 \[0\] GET \/api\/ping as alice → 429 \(.* ms\) \{"error":"rate_limited"\}/);
    expect(message).toContain('listening on');
    expect(message).toMatch(/Replay: specgate test specs\/limiter\.md --criterion AC-2 --seed \d+/);
  });

  test('a failing property reports the shrunk counterexample, seed and path', async () => {
    const property = criterion(
      'AC-3',
      [
        { kind: 'let', values: { n: '{{ count }}' }, place: at(50) },
        {
          kind: 'send',
          method: 'GET',
          path: '/api/ping?n={{ n }}',
          as: 'alice',
          repeat: '{{ n }}',
          expect: { status: 200 },
          place: at(51),
        },
      ],
      { forAll: { count: { kind: 'integer', min: 1, max: 8 } }, runs: 15 },
    );
    const error = await suite.verify(property).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    const message = error!.message;
    expect(message).toContain('GET /api/ping?n=4 (index 3): status: expected 200 but found 429');
    expect(message).toMatch(/Counterexample \(after \d+ runs?, \d+ shrinks?\):\n\s+\{\n\s+"count": 4\n\s+\}/);
    const [, seed, path] = /seed (-?\d+), path (\S+)/.exec(message) ?? [];
    expect(seed).toBeDefined();
    expect(message).toContain(
      `Replay: specgate test specs/limiter.md --criterion AC-3 --seed ${seed} --path ${path}`,
    );
  });
});
