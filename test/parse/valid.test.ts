import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Generator, Spec, Step } from '../../src/ir.js';
import { parseSpec } from '../../src/parse/index.js';
import schema from '../../schema/specgate.schema.json' with { type: 'json' };

const file = 'test/fixtures/valid/everything.md';
const source = readFileSync(new URL('../fixtures/valid/everything.md', import.meta.url), 'utf8');

function allSteps(steps: Step[]): Step[] {
  return steps.flatMap((step) => [step, ...('steps' in step ? allSteps(step.steps) : [])]);
}

function allGenerators(generator: Generator): Generator[] {
  switch (generator.kind) {
    case 'list':
      return [generator, ...allGenerators(generator.of)];
    case 'record':
      return [generator, ...Object.values(generator.fields).flatMap(allGenerators)];
    case 'oneOf':
      return [generator, ...generator.options.flatMap(allGenerators)];
    case 'csv':
      return [generator, ...Object.values(generator.columns).flatMap(allGenerators)];
    default:
      return [generator];
  }
}

describe('everything.md', () => {
  const { spec, diagnostics } = parseSpec(source, file);

  test('parses without any diagnostic', () => {
    expect(diagnostics).toEqual([]);
    expect(spec).toBeDefined();
  });

  const parsed = spec as Spec;
  const criteria = parsed.sections.flatMap((s) => s.criteria);
  const checks = criteria.flatMap((c) => (c.check ? [c.check] : []));
  const steps = checks.flatMap((c) => allSteps(c.steps));

  test('with cli.md, uses every step key of the schema', () => {
    const cli = parseSpec(
      readFileSync(new URL('../fixtures/valid/cli.md', import.meta.url), 'utf8'),
      'cli.md',
    );
    expect(cli.diagnostics).toEqual([]);
    const cliSteps = (cli.spec?.sections ?? []).flatMap((s) =>
      s.criteria.flatMap((c) => allSteps(c.check?.steps ?? [])),
    );
    const stepDefinitions = schema.definitions.step.anyOf.map(({ $ref }) =>
      $ref.replace('#/definitions/', ''),
    );
    const keys = stepDefinitions.map(
      (name) => (schema.definitions as Record<string, { required?: string[] }>)[name]!.required![0],
    );
    const used = new Set<string>(
      [...steps, ...cliSteps].map((s) =>
        s.kind === 'service' ? (s.action === 'restart' ? 'restart service' : s.action) : s.kind,
      ),
    );
    const irKindOf: Record<string, string> = {
      'expect log': 'expect-log',
      'expect metric': 'expect-metric',
      'expect redis': 'expect-redis',
      'expect sql': 'expect-sql',
      'expect calls': 'expect-calls',
      'expect exec': 'expect-exec',
    };
    // `use` is no step of the IR: it expands into a block's steps (test/parse/blocks.test.ts).
    expect(keys.filter((key) => key !== 'use' && !used.has(irKindOf[key!] ?? key!))).toEqual([]);
    expect(cliSteps[0]).toMatchObject({ kind: 'run', args: ['--check', 'cfg.yaml'] });
  });

  test('uses every generator and every toxic', () => {
    const generators = new Set(
      checks.flatMap((c) => Object.values(c.forAll ?? {}).flatMap(allGenerators)).map((g) => g.kind),
    );
    // `always` sits beside a generator's kind: it adds values, it is no generator of its own.
    const names = Object.keys(schema.definitions.generator.properties)
      .filter((n) => n !== 'always')
      .map((n) => (n === 'one of' ? 'oneOf' : n === 'ipv4' || n === 'ipv6' ? 'ip' : n));
    expect(names.filter((n) => !generators.has(n as Generator['kind']))).toEqual([]);
    const toxics = new Set(steps.flatMap((s) => (s.kind === 'fault' ? [s.toxic] : [])));
    expect(schema.definitions.fault.properties.toxic.enum.filter((t) => !toxics.has(t as never))).toEqual([]);
  });

  test('normalises shorthands and durations', () => {
    const config = parsed.config;
    expect(config.target).toEqual({
      kind: 'command',
      command: 'node --import tsx examples/rate-limit/server.ts',
      env: { RATE_LIMIT_WINDOW_MS: '1500', MODE: 'fast' },
      ready: { http: '/healthz' },
      readyTimeout: 10_000,
      stopGrace: 3_000,
    });
    expect(config.services).toMatchObject({
      redis: { kind: 'redis', env: 'REDIS_URL' },
      db: { kind: 'postgres', env: 'DATABASE_URL' },
      provider: { kind: 'http', env: 'PROVIDER_URL' },
    });
    const [sequence, byId] = config.services.provider!.http!.rules;
    expect(sequence).toMatchObject({
      method: 'POST',
      path: '/charges',
      headers: { 'idempotency-key': { $present: true } },
      answers: [
        { status: 503, times: 2 },
        { status: 201, headers: { 'x-charge': 'ch_{{ call }}' }, delay: 10 },
      ],
    });
    expect(byId).toMatchObject({ path: '/charges/:id', answers: [{ status: 200 }] });
    expect(byId!.method).toBeUndefined();
    const faults = steps.flatMap((s) => (s.kind === 'protocol-fault' ? [s] : []));
    expect(
      faults.map(({ fault, name, toxicity, for: lasting }) => ({ fault, name, toxicity, for: lasting })),
    ).toEqual([
      {
        fault: {
          protocol: 'http',
          type: 'status',
          match: { method: 'POST', path: '/charges' },
          times: 2,
          status: 429,
          retryAfter: 2,
        },
        name: undefined,
        toxicity: undefined,
        for: undefined,
      },
      { fault: { protocol: 'http', type: 'latency', delay: 50 }, name: 'slow', toxicity: 0.5, for: 1000 },
    ]);
    const waits = steps.flatMap((s) => (s.kind === 'wait' ? [s.ms] : []));
    expect(waits).toEqual([10, 1600, 200, '{{ vars.window_ms + 100 }}']);
    const latency = steps.find((s) => s.kind === 'fault' && s.toxic === 'latency');
    expect(latency).toMatchObject({ attributes: { latency: 300, jitter: 50 }, for: 2000, toxicity: 0.5 });
    const ac1 = criteria.find((c) => c.id === 'AC-1')!;
    expect(ac1.name).toBe('free-limit');
    expect(ac1.prose).toBe('the 61st request of a free user is rejected with 429.');
    expect(ac1.check?.let).toEqual({
      limit: "{{ plan = 'free' ? vars.free_limit : vars.paid_limit }}",
      three: '{{ 3 }}',
    });
    expect(ac1.check?.forAll?.['k2']).toEqual({ kind: 'integer', min: 0, max: 70 });
    expect(criteria.find((c) => c.id === 'C-2')?.check).toBeUndefined();
  });

  test('places point into the source', () => {
    const ac1 = criteria.find((c) => c.id === 'AC-1')!;
    expect(source.slice(ac1.place.start.offset).startsWith('- **AC-1 free-limit**')).toBe(true);
    const send = ac1.check!.steps[0]!;
    expect(source.slice(send.place.start.offset).startsWith('send: GET /api/ping')).toBe(true);
    expect(source.slice(ac1.check!.place.start.offset).startsWith('```yaml')).toBe(true);
  });

  test('sha256 is of the source bytes', () => {
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parseSpec(`${source}\n`, file).spec?.sha256).not.toBe(parsed.sha256);
  });
});
