import { describe, expect, test } from 'vitest';
import { checkDrift } from '../../src/check/index.js';
import { compileSpec, generatedPathFor } from '../../src/compile/index.js';
import type { Criterion, Step } from '../../src/ir.js';
import { parseSpec, type ParseOptions } from '../../src/parse/index.js';

const spec = (blocks: string, acceptance: string): string => `---
spec: ping
target: { url: http://127.0.0.1:8080 }
identities:
  free: { headers: { X-User: "{{ id }}" }, defaults: { id: "{{ $unique() }}" } }
${blocks}---

# Ping

## Goal

Answer pings.

## Acceptance

${acceptance}`;

const item = (yaml: string, prose = 'pings answer'): string =>
  `- **AC-1 ping**: ${prose}.\n\n  \`\`\`yaml\n${yaml
    .trim()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')}\n  \`\`\`\n`;

const BURST = `blocks:
  burst:
    means: n requests for one user, each answered with the status
    with: { n: 3, as: free, status: 200 }
    steps:
      - { send: GET /ping, as: <as>, repeat: <n>, expect: { status: <status> } }
  flood:
    with: { n: null }
    steps:
      - use: burst
      - { use: burst, with: { n: <n>, status: 429 } }
`;

function parsed(source: string, options: ParseOptions = {}) {
  return parseSpec(source, 'specs/ping.md', options);
}

function stepsOf(source: string, options: ParseOptions = {}): Step[] {
  const { spec: result, diagnostics } = parsed(source, options);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const criteria: Criterion[] = result!.sections.flatMap((section) => section.criteria);
  return criteria[0]!.check!.steps;
}

/** line:column of the first occurrence of `needle` in the source, as diagnostics place it. */
function at(source: string, needle: string): string {
  const offset = source.indexOf(needle);
  expect(offset, needle).toBeGreaterThanOrEqual(0);
  const before = source.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

function errorsOf(source: string, options: ParseOptions = {}) {
  return parsed(source, options)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, at: `${d.place.start.line}:${d.place.start.column}`, message: d.message }));
}

describe('named blocks', () => {
  test('a use expands in place into the block, its defaults filling the placeholders', () => {
    const steps = stepsOf(spec(BURST, item('steps:\n  - mark: start\n  - use: burst\n  - wait: 10ms')));
    expect(steps.map((step) => step.kind)).toEqual(['mark', 'send', 'wait']);
    expect(steps[1]).toMatchObject({ kind: 'send', repeat: 3, as: 'free', expect: { status: 200 } });
  });

  test('`with` overrides defaults, and a block may use another with its own parameters', () => {
    const steps = stepsOf(spec(BURST, item('steps:\n  - { use: flood, with: { n: 2 } }')));
    expect(steps).toMatchObject([
      { kind: 'send', repeat: 3, expect: { status: 200 } },
      { kind: 'send', repeat: 2, expect: { status: 429 } },
    ]);
  });

  test('templates passed in `with` stay templates', () => {
    const blocks = `blocks:\n  get:\n    with: { path: null }\n    steps:\n      - { send: "GET /items/<path>", expect: { status: 200 } }\n`;
    const steps = stepsOf(
      spec(blocks, item('let: { n: "{{ 1 + 1 }}" }\nsteps:\n  - { use: get, with: { path: "{{ n }}" } }')),
    );
    expect(steps[0]).toMatchObject({ kind: 'send' });
    expect(JSON.stringify(steps[0])).toContain('n');
    expect(JSON.stringify(steps[0])).not.toContain('{{{{');
  });

  test('a mark inside a block can be referred to after the use', () => {
    const blocks = `blocks:\n  start:\n    steps:\n      - mark: began\n`;
    const steps = stepsOf(
      spec(
        blocks,
        item(
          'steps:\n  - use: start\n  - send: GET /ping\n  - expect log: { since: began, level: warn, count: 0 }',
        ),
      ),
    );
    expect(steps.map((step) => step.kind)).toEqual(['mark', 'send', 'expect-log']);
  });

  test('blocks come from the phrases.yaml beside the spec too, and the spec’s own win', () => {
    const library = {
      file: 'specs/phrases.yaml',
      source:
        'blocks:\n  burst:\n    steps:\n      - { send: GET /shared, repeat: 9 }\n  other:\n    - send: GET /other\n',
    };
    expect(stepsOf(spec('', item('steps:\n  - use: burst\n  - use: other')), { library })).toMatchObject([
      { kind: 'send', repeat: 9 },
      { kind: 'send' },
    ]);
    expect(stepsOf(spec(BURST, item('steps:\n  - use: burst')), { library })[0]).toMatchObject({ repeat: 3 });
  });

  test('prose phrases may use blocks', () => {
    const blocks = `${BURST}phrases:\n  'a burst of {count} returns {int}':\n    steps:\n      - { use: burst, with: { n: <1>, status: <2> } }\n`;
    const { spec: result, diagnostics } = parsed(
      spec(blocks, '- **AC-1 burst**: a burst of 4 returns 200.\n'),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result!.sections.flatMap((s) => s.criteria)[0]!.check!.steps[0]).toMatchObject({ repeat: 4 });
  });
});

describe('a use that does not fit is a located error', () => {
  test.each([
    [
      'an unknown block, with the nearest name',
      'steps:\n  - use: brust',
      'SG3019',
      'brust',
      'unknown block "brust"',
    ],
    [
      'a parameter the block does not declare',
      'steps:\n  - { use: burst, with: { count: 5 } }',
      'SG3020',
      'count',
      'burst',
    ],
    ['a required parameter left out', 'steps:\n  - use: flood', 'SG3020', 'use: flood', 'flood'],
  ])('%s', (_name, yaml, code, place, message) => {
    const source = spec(BURST, item(yaml));
    const [error] = errorsOf(source);
    expect(error).toMatchObject({ code, at: at(source, place) });
    expect(error!.message).toContain(message);
  });

  test('a block that uses itself', () => {
    const source = spec(
      `blocks:\n  again:\n    steps:\n      - send: GET /ping\n      - use: again\n`,
      item('steps:\n  - use: again'),
    );
    expect(errorsOf(source)).toEqual([
      { code: 'SG3021', at: at(source, 'use: again\n  ```'), message: 'block "again" uses itself' },
    ]);
  });

  test('a placeholder the block does not declare', () => {
    const source = spec(
      `blocks:\n  get:\n    steps:\n      - send: GET /<where>\n`,
      item('steps:\n  - use: get'),
    );
    expect(errorsOf(source)[0]).toMatchObject({ code: 'SG3020', at: at(source, 'get\n  ```') });
  });

  test('a definition without steps, placed at its name', () => {
    const source = spec(`blocks:\n  get:\n    repeat: 3\n`, item('steps:\n  - send: GET /ping'));
    expect(errorsOf(source)).toEqual([
      { code: 'SG3022', at: at(source, 'get:\n    repeat'), message: 'invalid block definition "get"' },
    ]);
  });

  test('an error in the expanded steps points at the use', () => {
    const blocks = `blocks:\n  bad:\n    steps:\n      - { send: GET /ping, expect: { status: "{{ 1 + }}" } }\n`;
    const source = spec(blocks, item('steps:\n  - use: bad'));
    expect(errorsOf(source)[0]).toMatchObject({ code: 'SG4001', at: at(source, 'use: bad') });
  });
});

describe('the generated header records the phrases and blocks a spec expands through', () => {
  const library = (steps: string) => ({
    file: 'specs/phrases.yaml',
    source: `blocks:\n  burst:\n    steps:\n      - { send: GET /ping, repeat: ${steps} }\n`,
  });
  const source = spec('', item('steps:\n  - use: burst'));
  const compiledWith = (options: ParseOptions) => {
    const result = parsed(source, options).spec!;
    return { spec: result, text: compileSpec(result), file: generatedPathFor(result) };
  };

  test('a spec that uses none has no such line; one that does has it', () => {
    const plain = parsed(spec('', item('steps:\n  - send: GET /ping'))).spec!;
    expect(compileSpec(plain)).not.toContain('specgate-phrases-sha256');
    expect(compiledWith({ library: library('3') }).text.split('\n')[3]).toMatch(
      /^\/\/ specgate-phrases-sha256: [0-9a-f]{64}$/,
    );
  });

  test('check sees a shared block that changed meaning, though the spec did not change', () => {
    const before = compiledWith({ library: library('3') });
    const after = compiledWith({ library: library('4') });
    const generated = [{ file: before.file, text: before.text }];
    expect(
      checkDrift({ specs: [{ file: 'specs/ping.md', source, spec: before.spec }], generated }).clean,
    ).toBe(true);
    const drift = checkDrift({ specs: [{ file: 'specs/ping.md', source, spec: after.spec }], generated });
    expect(drift.entries).toMatchObject([
      { state: 'stale', reason: expect.stringContaining('phrase or block') },
    ]);
  });
});
