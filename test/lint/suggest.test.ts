/** `lint --suggest`: starting yaml blocks from recognisable phrases, which must parse as checks. */
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseSpec } from '../../src/parse/index.js';
import { parseForLint, suggestChecks } from '../../src/lint/index.js';

const FRONT = `---
spec: sample
target:
  command: node server.js
services:
  db: postgres
identities:
  user:
    headers: { X-User-Id: "{{ id }}" }
    defaults: { id: "{{ $unique() }}" }
---

# Sample

## Goal

Limit requests.

## Inputs / Outputs

- \`GET /api/ping\` answers 200.

## Acceptance

`;

function specWith(items: string[], blocks: Record<string, string> = {}): string {
  return (
    FRONT +
    items
      .map((item) => {
        const id = /\*\*(\S+)/.exec(item)?.[1] ?? '';
        const block = blocks[id];
        return block === undefined
          ? item
          : `${item}\n  \`\`\`yaml\n${block
              .split('\n')
              .map((line) => `  ${line}`)
              .join('\n')}\n  \`\`\``;
      })
      .join('\n') +
    '\n'
  );
}

const ITEMS = [
  '- **AC-1 over**: the 61st request returns 429 with a Retry-After header and `{"error":"rate_limited"}`.',
  '- **AC-2 frees**: the same user is allowed again within 60s.',
  '- **AC-3 bad-row**: a file with one bad row rejects the whole file.',
  '- **AC-4 outage**: when Redis is down the service logs a warning and answers 200 within 500 ms.',
  '- **AC-5 vague**: the sky is blue.',
];

describe('suggestChecks', () => {
  const spec = parseForLint(specWith(ITEMS), 'specs/sample.md').spec;
  if (!spec) throw new Error('fixture does not parse');
  const suggestions = suggestChecks(spec);

  test('proposes a block only for criteria with a recognisable phrase', () => {
    expect(Object.keys(suggestions)).toEqual(['AC-1', 'AC-2', 'AC-3', 'AC-4']);
  });

  test('turns phrases into steps and expectations', () => {
    const steps = (id: string) => (parseYaml(suggestions[id] ?? '') as { steps: unknown[] }).steps;
    expect(steps('AC-1')).toEqual([
      {
        send: 'GET /api/ping',
        as: 'user',
        expect: {
          status: 429,
          headers: { 'retry-after': { $present: true } },
          body: { error: 'rate_limited' },
        },
      },
    ]);
    expect(steps('AC-2')).toEqual([
      { eventually: [{ send: 'GET /api/ping', as: 'user' }], within: '60000ms', every: '100ms' },
    ]);
    expect(steps('AC-3')).toEqual([
      { send: 'GET /api/ping', as: 'user', expect: { status: { $gte: 400, $lt: 500 } } },
    ]);
    expect(suggestions['AC-3']).toMatch(/^# "rejects the whole file"/);
    expect(steps('AC-4')).toEqual([
      { send: 'GET /api/ping', as: 'user', expect: { status: 200, latency: { $lte: 500 } } },
      { 'expect log': { level: 'warn' } },
    ]);
  });

  test('every suggestion is a yaml block the parser accepts', () => {
    const { spec: withBlocks, diagnostics } = parseSpec(specWith(ITEMS, suggestions), 'specs/sample.md');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const executable = withBlocks?.sections
      .flatMap((s) => s.criteria)
      .filter((c) => c.check)
      .map((c) => c.id);
    expect(executable).toEqual(['AC-1', 'AC-2', 'AC-3', 'AC-4']);
  });
});
