/** The step language's newer options, from YAML to IR: send deadlines, redirects, per-request observables, redis content, saves. */
import { describe, expect, test } from 'vitest';
import type { Step } from '../../src/ir.js';
import { parseSpec } from '../../src/parse/index.js';

function specWith(block: string): string {
  return `---
spec: demo
target:
  command: node server.js
services:
  cache: redis
  db: postgres
---

# Demo

## Goal

Show the step options.

## Acceptance

- **AC-1 options**: every option parses.

  \`\`\`yaml
${block
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
  \`\`\`
`;
}

function stepsOf(block: string): { steps: Step[]; codes: string[] } {
  const { spec, diagnostics } = parseSpec(specWith(block), 'specs/demo.md');
  const steps = spec?.sections.flatMap((s) => s.criteria).flatMap((c) => c.check?.steps ?? []) ?? [];
  return {
    steps: steps.map(({ place: _place, ...rest }) => rest as Step),
    codes: diagnostics.filter((d) => d.severity === 'error').map((d) => d.code),
  };
}

describe('send options', () => {
  test('timeout, follow redirects, and log/metric expectations per request', () => {
    const { steps, codes } = stepsOf(`steps:
  - send: GET /r/1
    timeout: 500ms
    follow redirects: true
  - send: GET /r/2
    timeout: "{{ 2 * 100 }}"
    follow redirects: 3
    repeat: 3
    expect:
      status: 200
      log: { level: warn, contains: cache, count: 1 }
      metric:
        - { name: cache_errors, delta: 1 }
        - { name: requests_total, labels: { code: "200" }, delta: { $gte: 1 } }`);
    expect(codes).toEqual([]);
    expect(steps).toEqual([
      { kind: 'send', method: 'GET', path: '/r/1', timeout: 500, followRedirects: 10 },
      {
        kind: 'send',
        method: 'GET',
        path: '/r/2',
        timeout: '{{ 2 * 100 }}',
        followRedirects: 3,
        repeat: 3,
        expect: {
          status: 200,
          log: [{ level: 'warn', contains: 'cache', count: 1 }],
          metric: [
            { name: 'cache_errors', delta: 1 },
            { name: 'requests_total', labels: { code: '200' }, delta: { $gte: 1 } },
          ],
        },
      },
    ]);
  });

  test('a per-request metric without delta, or an unknown key in log, is refused', () => {
    expect(stepsOf(`steps:\n  - send: GET /x\n    expect: { metric: { name: x } }`).codes).toEqual([
      'SG3006',
    ]);
    expect(stepsOf(`steps:\n  - send: GET /x\n    expect: { log: { since: m } }`).codes).toEqual(['SG3004']);
  });
});

describe('expect redis content, names and save; expect metric save', () => {
  test('value, fields, items beside key or under expect; names and save with keys', () => {
    const { steps, codes } = stepsOf(`steps:
  - expect redis: { key: "link:1", value: "https://x", save: link }
  - expect redis: { key: meta, expect: { fields: { url: "https://x" }, type: hash } }
  - expect redis: { key: recent, items: [b, a] }
  - expect redis: { keys: "link:*", names: { $subsetOf: "{{ rows }}" }, save: cached }
  - expect metric: { name: links_created, save: made }`);
    expect(codes).toEqual([]);
    expect(steps).toEqual([
      { kind: 'expect-redis', service: 'cache', key: 'link:1', save: 'link', expect: { value: 'https://x' } },
      {
        kind: 'expect-redis',
        service: 'cache',
        key: 'meta',
        expect: { type: 'hash', fields: { url: 'https://x' } },
      },
      { kind: 'expect-redis', service: 'cache', key: 'recent', expect: { items: ['b', 'a'] } },
      {
        kind: 'expect-redis',
        service: 'cache',
        keys: 'link:*',
        save: 'cached',
        names: { $subsetOf: '{{ rows }}' },
      },
      { kind: 'expect-metric', name: 'links_created', save: 'made' },
    ]);
  });

  test('names or count need keys', () => {
    expect(stepsOf(`steps:\n  - expect redis: { key: a, names: [a] }`).codes).toEqual(['SG3006']);
  });
});
