/** The registry's own rules: every rule has a unique code, a docs page and valid and invalid cases. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { allRules, critiqueRules, structuralRules } from '../../src/lint/index.js';
import { CASES } from './rule-cases.js';

const docsDir = new URL('../../docs/lint/', import.meta.url);
const structuralTests = readFileSync(new URL('./structural-rules.test.ts', import.meta.url), 'utf8');

describe.each(allRules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  test('has a docs page naming its code', () => {
    const page = new URL(`${id}.md`, docsDir);
    expect(existsSync(page), `docs/lint/${id}.md`).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text).toContain(rule.meta.code);
    expect(text).toMatch(/^# /);
  });

  test('has valid and invalid test cases', () => {
    if (critiqueRules.includes(rule)) {
      expect(CASES[id]?.valid.length ?? 0).toBeGreaterThan(0);
      expect(CASES[id]?.invalid.length ?? 0).toBeGreaterThan(0);
    } else {
      // Structural rules keep their IR-built table in structural-rules.test.ts.
      expect(structuralTests).toContain(`'${id}': {`);
    }
  });

  test('has an id, a code in the lint range and a description', () => {
    expect(rule.meta.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(rule.meta.code).toMatch(/^SG6\d{3}$/);
    expect(rule.meta.description.length).toBeGreaterThan(20);
  });
});

test('every rule file is registered once, with a unique id and code', () => {
  const files = readdirSync(new URL('../../src/lint/rules/', import.meta.url))
    .filter((file) => file !== 'index.ts')
    .map((file) => file.replace(/\.ts$/, ''));
  expect(files.sort()).toEqual(allRules.map((rule) => rule.meta.id).sort());
  expect(new Set(allRules.map((rule) => rule.meta.code)).size).toBe(allRules.length);
  expect(allRules).toEqual([...structuralRules, ...critiqueRules]);
});

test('no docs page or test table names a rule that does not exist', () => {
  const ids = new Set(allRules.map((rule) => rule.meta.id));
  const pages = readdirSync(docsDir).filter((file) => file !== 'README.md');
  expect(pages.map((file) => file.replace(/\.md$/, '')).filter((id) => !ids.has(id))).toEqual([]);
  expect(Object.keys(CASES).filter((id) => !ids.has(id))).toEqual([]);
});
