import { describe, expect, test } from 'vitest';
import { parseSpec } from '../../src/parse/index.js';
import type { Criterion } from '../../src/ir.js';

/** Built-in phrases for criteria told as a story: an outage that begins and ends mid-criterion, a restart, counted logs. */
const FRONT = `---
spec: story
target: { command: node server.mjs }
services: { redis: redis }
identities:
  free: { headers: { X-User: "{{ id }}" }, defaults: { id: "{{ $unique() }}" } }
route: GET /api/ping
---

# Story

## Goal

Answer pings.

## Acceptance

`;

function criterionOf(prose: string): Criterion {
  const { spec, diagnostics } = parseSpec(`${FRONT}- **AC-1 story**: ${prose}\n`, 'specs/story.md');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return spec!.sections.flatMap((section) => section.criteria)[0]!;
}

const withoutPlaces = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'place' ? undefined : v)));

describe('phrases for a criterion told in order', () => {
  test('an outage that begins after requests runs after them, and its recovery after the outage', () => {
    const criterion = criterionOf(
      '3 `GET /api/ping` requests return 200. Then Redis dies, 1 to 2 warnings containing "cache" are ' +
        'logged during the outage, and once Redis comes back the next request returns 200.',
    );
    expect(criterion.notExecutable).toBeUndefined();
    expect(withoutPlaces(criterion.check!.steps)).toEqual([
      {
        kind: 'send',
        method: 'GET',
        path: '/api/ping',
        as: 'free',
        repeat: 3,
        concurrency: 4,
        expect: { status: 200 },
      },
      { kind: 'mark', name: 'outage' },
      { kind: 'service', service: 'redis', action: 'kill' },
      { kind: 'expect-log', level: 'warn', contains: 'cache', since: 'outage', count: { $gte: 1, $lte: 2 } },
      { kind: 'service', service: 'redis', action: 'start' },
      { kind: 'send', method: 'GET', path: '/api/ping', as: 'free', expect: { status: 200 } },
    ]);
  });

  test('each kind of outage marks its beginning; answering again heals the fault', () => {
    const toxics = ['starts refusing connections', 'starts resetting connections', 'stops answering'].map(
      (clause) => {
        const steps = criterionOf(
          `Redis ${clause}, and once Redis answers again the next request returns 200.`,
        ).check!.steps;
        expect(steps.map((step) => step.kind)).toEqual(['mark', 'fault', 'heal', 'send']);
        return (steps[1] as { toxic: string }).toxic;
      },
    );
    expect(toxics).toEqual(['down', 'reset_peer', 'timeout']);
  });

  test('instances, a restart, a body and an unchanged metric', () => {
    const criterion = criterionOf(
      '2 instances share one Redis: 4 `POST /api/echo` requests with `{"n":1}` return 200. After the ' +
        'instance restarts, the next request returns 429 `{"error":"busy"}` and the metric `errors_total` ' +
        'does not change. `GET /metrics` returns 200 with Prometheus text.',
    );
    expect(criterion.check).toMatchObject({ instances: 2, freshTarget: true });
    expect(withoutPlaces(criterion.check!.steps)).toEqual([
      {
        kind: 'send',
        method: 'POST',
        path: '/api/echo',
        as: 'free',
        body: { json: { n: 1 } },
        repeat: 4,
        concurrency: 4,
        expect: { status: 200 },
      },
      { kind: 'restart', instance: 0 },
      {
        kind: 'send',
        method: 'GET',
        path: '/api/ping',
        as: 'free',
        expect: { status: 429, body: { error: 'busy' } },
      },
      {
        kind: 'send',
        method: 'GET',
        path: '/metrics',
        expect: { status: 200, headers: { 'content-type': { $matches: '^text/plain' } } },
      },
      { kind: 'expect-metric', name: 'errors_total', delta: 0 },
    ]);
  });

  test('bodies that are not JSON, and an answer with a body', () => {
    const criterion = criterionOf(
      '2 `POST /api/echo` requests with a body that is not JSON return 400 `{"error":"bad"}`. Then ' +
        '`GET /api/nope` returns 429 `{"error":"busy"}` and `POST /api/echo` with a body that is not JSON returns 429.',
    );
    const notJson = { body: { text: '{not json', contentType: 'application/json' } };
    expect(withoutPlaces(criterion.check!.steps)).toMatchObject([
      {
        kind: 'send',
        path: '/api/echo',
        repeat: 2,
        concurrency: 4,
        ...notJson,
        expect: { status: 400, body: { error: 'bad' } },
      },
      {
        kind: 'send',
        method: 'GET',
        path: '/api/nope',
        as: 'free',
        expect: { status: 429, body: { error: 'busy' } },
      },
      { kind: 'send', method: 'POST', path: '/api/echo', ...notJson, expect: { status: 429 } },
    ]);
  });
});
