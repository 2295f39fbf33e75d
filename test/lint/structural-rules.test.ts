/** Rule tables as ESLint's RuleTester: valid specs give nothing, invalid ones give these codes at these lines. */
import { describe, expect, test } from 'vitest';
import type { Spec } from '../../src/ir.js';
import { lintSpec, structuralRules } from '../../src/lint/index.js';
import type { LintRule } from '../../src/lint/index.js';
import { criterion, place, section, sendCheck, spec } from '../compile/spec-fixtures.js';

interface RuleCases {
  valid: Spec[];
  invalid: Array<{ spec: Spec; lines: number[] }>;
}

const at = (line: number) => ({ place: place('specs/sample.md', line) });

const CASES: Record<string, RuleCases> = {
  'empty-acceptance': {
    valid: [spec(), spec({ sections: [section('goal', [])] })],
    invalid: [{ spec: spec({ sections: [{ ...section('acceptance', []), ...at(7) }] }), lines: [7] }],
  },
  'section-order': {
    valid: [spec({ sections: [section('goal', []), section('io', []), section('acceptance', [])] })],
    invalid: [
      {
        spec: spec({
          sections: [
            section('goal', []),
            section('acceptance', []),
            { ...section('constraints', []), ...at(12) },
          ],
        }),
        lines: [12],
      },
    ],
  },
  'not-executable-criterion': {
    valid: [spec({ sections: [section('acceptance', [criterion({ id: 'AC-1', check: sendCheck() })])] })],
    invalid: [
      {
        spec: spec({
          sections: [
            section('acceptance', [criterion({ id: 'AC-1', ...at(3) }), criterion({ id: 'AC-2', ...at(9) })]),
          ],
        }),
        lines: [3, 9],
      },
    ],
  },
  'implicit-id': {
    valid: [spec({ sections: [section('acceptance', [criterion({ id: 'AC-1' })])] })],
    invalid: [
      {
        spec: spec({
          sections: [section('acceptance', [criterion({ id: 'AC-1', implicitId: true, ...at(4) })])],
        }),
        lines: [4],
      },
    ],
  },
  'empty-check': {
    valid: [spec()],
    invalid: [
      {
        spec: spec({
          sections: [
            section('acceptance', [
              criterion({ id: 'AC-1', check: { steps: [], place: place('specs/sample.md', 5) } }),
            ]),
          ],
        }),
        lines: [5],
      },
    ],
  },
};

describe.each(structuralRules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule: LintRule) => {
  const cases = CASES[id];

  test('has documentation and a code in the lint range', () => {
    expect(rule.meta.description.length).toBeGreaterThan(20);
    expect(rule.meta.code).toMatch(/^SG6\d{3}$/);
  });

  test('has test cases', () => {
    expect(cases?.valid.length).toBeGreaterThan(0);
    expect(cases?.invalid.length).toBeGreaterThan(0);
  });

  test.each(cases?.valid ?? [])('valid case %#', (input) => {
    expect(rule.check(input)).toEqual([]);
  });

  test.each(cases?.invalid ?? [])('invalid case %#', ({ spec: input, lines }) => {
    const found = rule.check(input);
    expect(found.map((d) => [d.code, d.severity, d.place.start.line])).toEqual(
      lines.map((line) => [rule.meta.code, rule.meta.severity, line]),
    );
  });
});

test('lintSpec runs the rules it is given', () => {
  const weak = spec({ sections: [section('acceptance', [criterion({ id: 'AC-1' })])] });
  expect(lintSpec(weak, structuralRules).map((d) => d.code)).toEqual(['SG6001']);
});
