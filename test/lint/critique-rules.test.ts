/** Each critique rule against its table: valid documents give nothing, invalid ones findings at these places. */
import { describe, expect, test } from 'vitest';
import type { Spec } from '../../src/ir.js';
import { critiqueRules, parseForLint } from '../../src/lint/index.js';
import { CASES } from './rule-cases.js';
import type { At } from './rule-cases.js';

function parsed(md: string): Spec {
  const { spec, diagnostics } = parseForLint(md, 'specs/sample.md');
  if (!spec) throw new Error(`case does not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  return spec;
}

/** Line and column of a substring's first occurrence (or of the point right after it). */
function locate(md: string, at: At): [number, number] {
  const text = typeof at === 'string' ? at : at.after;
  const found = md.indexOf(text);
  if (found === -1) throw new Error(`"${text}" is not in the case`);
  const index = typeof at === 'string' ? found : found + text.length;
  const before = md.slice(0, index);
  return [before.split('\n').length, index - before.lastIndexOf('\n')];
}

describe.each(critiqueRules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const cases = CASES[id] ?? { valid: [], invalid: [] };

  test.each(cases.valid.map((md, i) => [i, md] as const))('valid case %i', (_i, md) => {
    expect(rule.check(parsed(md))).toEqual([]);
  });

  test.each(cases.invalid.map((c, i) => [i, c] as const))('invalid case %i', (_i, { md, at }) => {
    const found = rule.check(parsed(md));
    expect(found.map((d) => [d.code, d.severity, d.place.start.line, d.place.start.column])).toEqual(
      at.map((where) => [rule.meta.code, rule.meta.severity, ...locate(md, where)]),
    );
    for (const diagnostic of found) {
      // Findings are a reviewer's questions, pinned to a place in the spec's file.
      expect(diagnostic.message).toContain('?');
      expect(diagnostic.place.file).toBe('specs/sample.md');
    }
  });
});
