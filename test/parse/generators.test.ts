/** Generators from YAML to IR: the string-shape generators, their defaults and their diagnostics. */
import { describe, expect, test } from 'vitest';
import type { Generator } from '../../src/ir.js';
import { parseSpec } from '../../src/parse/index.js';

function specWith(forAll: string): string {
  return `---
spec: demo
target:
  command: node server.js
---

# Demo

## Goal

Show the generators.

## Acceptance

- **AC-1 generators**: every generator parses.

  \`\`\`yaml
  for all:
${forAll
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
  steps:
    - send: GET /ping
  \`\`\`
`;
}

function generatorsOf(forAll: string): {
  generators: Record<string, Generator> | undefined;
  errors: Array<{ code: string; line: number; column: number; expected?: string }>;
} {
  const { spec, diagnostics } = parseSpec(specWith(forAll), 'specs/demo.md');
  const criterion = spec?.sections.flatMap((s) => s.criteria)[0];
  return {
    generators: criterion?.check?.forAll,
    errors: diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({
        code: d.code,
        line: d.place.start.line,
        column: d.place.start.column,
        ...(d.expected ? { expected: d.expected } : {}),
      })),
  };
}

describe('string-shape generators', () => {
  test('pattern, string, url, uuid, ip, timestamp and email styles become IR with their defaults', () => {
    const { generators, errors } = generatorsOf(`code: { pattern: "[A-Z]{3}-[0-9]{2,4}" }
word: { string: { chars: "a-z_", min length: 2, max length: 5 } }
short: { string: { chars: "xy" } }
link: url
api: { url: { schemes: [https], query: true, fragment: true } }
id: uuid
v7: { uuid: { version: 7 } }
v4: ipv4
v6: ipv6
at: timestamp
day: { timestamp: { min: "2024-02-29", max: "2024-03-01T12:30:00Z" } }
mail: email
odd: { email: { style: any } }`);
    expect(errors).toEqual([]);
    expect(generators).toEqual({
      code: { kind: 'pattern', pattern: '[A-Z]{3}-[0-9]{2,4}' },
      word: { kind: 'string', chars: 'a-z_', minLength: 2, maxLength: 5 },
      short: { kind: 'string', chars: 'xy', minLength: 1, maxLength: 32 },
      link: { kind: 'url', schemes: ['http', 'https'], query: false, fragment: false },
      api: { kind: 'url', schemes: ['https'], query: true, fragment: true },
      id: { kind: 'uuid' },
      v7: { kind: 'uuid', version: 7 },
      v4: { kind: 'ip', version: 4 },
      v6: { kind: 'ip', version: 6 },
      at: { kind: 'timestamp', min: '2000-01-01T00:00:00.000Z', max: '2030-12-31T23:59:59.999Z' },
      day: { kind: 'timestamp', min: '2024-02-29T00:00:00.000Z', max: '2024-03-01T12:30:00.000Z' },
      mail: { kind: 'email' },
      odd: { kind: 'email', style: 'any' },
    });
  });

  test('a pattern JavaScript rejects, or that fast-check cannot generate from, is SG3013 at the pattern', () => {
    const broken = generatorsOf(`code: { pattern: "a(b" }`);
    expect(broken.generators).toBeUndefined();
    expect(broken.errors).toMatchObject([{ code: 'SG3013', line: 19, column: 22 }]);
    const unsupported = generatorsOf(`word: { pattern: "\\\\bword\\\\b" }`);
    expect(unsupported.errors).toMatchObject([{ code: 'SG3013', line: 19, column: 22 }]);
    expect(unsupported.errors[0]!.expected).toContain('look-arounds');
  });

  test('chars that do not make a character class are SG3013 at chars; a reversed length is SG3011', () => {
    expect(generatorsOf(`word: { string: { chars: "z-a" } }`).errors).toMatchObject([
      { code: 'SG3013', line: 19, column: 30 },
    ]);
    expect(
      generatorsOf(`word: { string: { chars: "a-z", min length: 5, max length: 2 } }`).errors,
    ).toMatchObject([{ code: 'SG3011' }]);
    expect(generatorsOf(`word: { string: { min length: 1 } }`).errors).toMatchObject([{ code: 'SG3006' }]);
  });

  test('timestamp bounds must be real instants, in order; uuid versions are 1 to 8', () => {
    expect(generatorsOf(`at: { timestamp: { min: "2023-02-29" } }`).errors).toMatchObject([
      { code: 'SG3013', line: 19, column: 29 },
    ]);
    expect(generatorsOf(`at: { timestamp: { max: "2024-01-01T24:00:00Z" } }`).errors).toMatchObject([
      { code: 'SG3013' },
    ]);
    expect(
      generatorsOf(`at: { timestamp: { min: "2024-01-02", max: "2024-01-01T23:59:59.999Z" } }`).errors,
    ).toMatchObject([{ code: 'SG3011' }]);
    expect(generatorsOf(`id: { uuid: { version: 9 } }`).errors.map((e) => e.code)).not.toEqual([]);
    expect(generatorsOf(`link: { url: { schemes: [] } }`).errors.map((e) => e.code)).not.toEqual([]);
  });

  test('a misspelt shorthand gets a did-you-mean', () => {
    const { errors } = generatorsOf(`id: uid`);
    expect(errors).toMatchObject([{ code: 'SG3010' }]);
  });
});
