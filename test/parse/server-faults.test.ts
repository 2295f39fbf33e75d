/** Protocol faults of Redis services: `fault: { redis: … }` from YAML to IR, and the located errors. */
import { expect, test } from 'vitest';
import type { Step } from '../../src/ir.js';
import { parseSpec } from '../../src/parse/index.js';

function specWith(steps: string): string {
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

Show protocol faults.

## Acceptance

- **AC-1 faults**: every fault parses.

  \`\`\`yaml
  steps:
${steps
  .trim()
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
    - send: GET /ping
  \`\`\`
`;
}

function parse(steps: string): { steps: Step[]; errors: { code: string; line: number; column: number }[] } {
  const { spec, diagnostics } = parseSpec(specWith(steps), 'specs/demo.md');
  const parsed = spec?.sections.flatMap((s) => s.criteria).flatMap((c) => c.check?.steps ?? []) ?? [];
  return {
    steps: parsed.map(({ place: _place, ...rest }) => rest as Step),
    errors: diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({ code: d.code, line: d.place.start.line, column: d.place.start.column })),
  };
}

test('a known code gets Redis’s own text; commands are upper-cased; times, toxicity, name and for are kept', () => {
  const { steps, errors } = parse(`
- fault: { service: cache, redis: OOM, commands: [zadd, EVALSHA], times: 2, toxicity: 0.5, name: full, for: 2s }
- fault: { redis: "ERR quota exceeded" }
- fault: { redis: "-LOADING custom text", times: "{{ n }}" }`);
  expect(errors).toEqual([]);
  expect(steps.slice(0, 3)).toEqual([
    {
      kind: 'protocol-fault',
      service: 'cache',
      fault: {
        protocol: 'redis',
        error: "OOM command not allowed when used memory > 'maxmemory'.",
        commands: ['ZADD', 'EVALSHA'],
        times: 2,
      },
      name: 'full',
      toxicity: 0.5,
      for: 2000,
    },
    { kind: 'protocol-fault', service: 'cache', fault: { protocol: 'redis', error: 'ERR quota exceeded' } },
    {
      kind: 'protocol-fault',
      service: 'cache',
      fault: { protocol: 'redis', error: 'LOADING custom text', times: '{{ n }}' },
    },
  ]);
});

test('an error that is not an error line is SG3050, at the value', () => {
  const { errors } = parse(`- fault: { service: cache, redis: "out of memory" }`);
  expect(errors).toEqual([{ code: 'SG3050', line: 22, column: 39 }]);
  expect(parse(`- fault: { service: cache, redis: oom }`).errors.map((e) => e.code)).toEqual(['SG3050']);
});

test('a command a fault never answers is SG3051, at the command', () => {
  const { errors } = parse(`- fault: { service: cache, redis: OOM, commands: [SET, multi, subscribe] }`);
  expect(errors).toEqual([
    { code: 'SG3051', line: 22, column: 60 },
    { code: 'SG3051', line: 22, column: 67 },
  ]);
});

test('keys of other faults, two fault kinds, a postgres service are located errors', () => {
  expect(
    parse(`- fault: { service: cache, redis: OOM, stream: upstream }`).errors.map((e) => e.code),
  ).toContain('SG3012');
  expect(parse(`- fault: { service: cache, redis: OOM, toxic: down }`).errors.map((e) => e.code)).toContain(
    'SG3015',
  );
  expect(parse(`- fault: { service: db, redis: OOM }`).errors.map((e) => e.code)).toEqual(['SG5004']);
  expect(parse(`- fault: { service: cache, redis: OOM, commands: [] }`).errors.length).toBeGreaterThan(0);
});

test('postgres faults: terminate, lock with a mode, serialization failure with times and toxicity', () => {
  const { steps, errors } = parse(`
- fault: { service: db, postgres: terminate }
- fault: { postgres: lock, table: payments, mode: Row  Exclusive, for: 3s, name: held }
- fault: { postgres: serialization_failure, table: billing.payments, times: 2, toxicity: 0.5 }`);
  expect(errors).toEqual([]);
  expect(steps.slice(0, 3)).toEqual([
    { kind: 'protocol-fault', service: 'db', fault: { protocol: 'postgres', type: 'terminate' } },
    {
      kind: 'protocol-fault',
      service: 'db',
      fault: { protocol: 'postgres', type: 'lock', table: 'payments', mode: 'row exclusive' },
      name: 'held',
      for: 3000,
    },
    {
      kind: 'protocol-fault',
      service: 'db',
      fault: { protocol: 'postgres', type: 'serialization_failure', table: 'billing.payments', times: 2 },
      toxicity: 0.5,
    },
  ]);
});

test('postgres faults: a table that is no name is SG3052, an unknown mode SG3053, both at the value', () => {
  expect(parse(`- fault: { postgres: lock, table: "t; DROP TABLE x" }`).errors).toEqual([
    { code: 'SG3052', line: 22, column: 39 },
  ]);
  expect(parse(`- fault: { postgres: lock, table: t, mode: write }`).errors).toEqual([
    { code: 'SG3053', line: 22, column: 48 },
  ]);
});

test('postgres faults: a missing table, keys of another type, a redis service are located errors', () => {
  expect(parse(`- fault: { postgres: lock }`).errors.map((e) => e.code)).toEqual(['SG3006']);
  expect(parse(`- fault: { postgres: terminate, for: 2s }`).errors.map((e) => e.code)).toEqual(['SG3012']);
  expect(parse(`- fault: { postgres: lock, table: t, times: 2 }`).errors.map((e) => e.code)).toEqual([
    'SG3012',
  ]);
  expect(parse(`- fault: { service: cache, postgres: terminate }`).errors.map((e) => e.code)).toEqual([
    'SG5004',
  ]);
  expect(parse(`- fault: { postgres: vacuum }`).errors.length).toBeGreaterThan(0);
});
