import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { phraseSnippets } from '../../src/lint/index.js';
import { parseSpec } from '../../src/parse/index.js';

const spec = (phrases: string): string => `---
spec: snip
target: { url: http://127.0.0.1:9 }
identities:
  free: { headers: { X-User: "{{ id }}" } }
route: GET /api/ping
${phrases}---
# Snip

## Goal
Ping.

## Tiers
- free: 60 req/min

## Acceptance
- **AC-1 reset**: A free user sees the counter reset after 60s.
- **AC-2 known**: The 61st request within 60s for a free user returns 429.
`;

function parsed(source: string) {
  const result = parseSpec(source, 'specs/snip.md');
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.spec!;
}

describe('lint --suggest for a clause no phrase matches', () => {
  const snippets = phraseSnippets(parsed(spec('')));

  test('only the criterion with an undefined clause gets a phrase to define, its parameters typed', () => {
    expect(Object.keys(snippets)).toEqual(['AC-1']);
    const { phrases } = parse(snippets['AC-1']!) as { phrases: Record<string, unknown> };
    expect(Object.keys(phrases)).toEqual(['a {identity} user sees the counter reset']);
  });

  test('pasted into the spec with its steps filled in, the clause compiles', () => {
    const { phrases } = parse(snippets['AC-1']!) as { phrases: Record<string, { steps: unknown[] }> };
    for (const definition of Object.values(phrases))
      definition.steps = [{ send: '<route>', as: '<1>', expect: { status: 200 } }];
    const criterion = parsed(spec(stringify({ phrases })))
      .sections.flatMap((section) => section.criteria)
      .find((c) => c.id === 'AC-1')!;
    expect(criterion.notExecutable).toBeUndefined();
    expect(criterion.check?.steps[0]).toMatchObject({ kind: 'send', as: 'free', path: '/api/ping' });
  });
});
