/**
 * Every catalogue code has an explanation whose example really gets that code: the example is
 * completed into a spec (default front matter, title and Goal where it has none) and parsed.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { CATALOGUE } from '../../src/diagnostics/catalogue.js';
import type { DiagnosticCode } from '../../src/diagnostics/catalogue.js';
import { EXPLANATIONS } from '../../src/diagnostics/explanations.js';
import { parseSpec } from '../../src/parse/index.js';

const FRONT_MATTER = '---\nspec: ping\ntarget: { command: node server.mjs }\n---\n';
const ACCEPTANCE = '## Acceptance\n\n- **AC-1**: ping answers.\n';
/**
 * Codes whose example cannot be a spec: a crash of the parser has no reproducer to show, and
 * the file-reading codes (SG0xxx) come from the file itself (test/cli/special-files.test.ts).
 */
const NOT_REPRODUCIBLE: readonly DiagnosticCode[] = [
  'SG0001',
  'SG0002',
  'SG0003',
  'SG0004',
  'SG0005',
  'SG0006',
  'SG0007',
  'SG0008',
  'SG9001',
];

/**
 * An example too long to show (a size limit) is the node one-liner that writes it: it is run,
 * and what it prints is the example.
 */
const GENERATED = /^\$ node -e "(.*)" >> specs\/ping\.md$/s;

function exampleText(example: string): string {
  const generator = GENERATED.exec(example);
  if (!generator) return example;
  return execFileSync(process.execPath, ['-e', generator[1]!.replace(/\\(["\\$`])/g, '$1')], {
    encoding: 'utf8',
  });
}

/** The example as a whole spec: what it leaves out comes from a minimal valid spec. */
function specAround(example: string): string {
  let body = example;
  let front = FRONT_MATTER;
  if (example.startsWith('---\n')) {
    const end = example.indexOf('\n---', 4);
    // An example about an unclosed front matter is the whole document.
    if (end < 0) return example;
    front = example.slice(0, end + '\n---\n'.length);
    body = example.slice(end + '\n---\n'.length);
  } else if (example.startsWith('# ')) {
    return example;
  }
  if (body.trim().startsWith('- ')) body = `## Acceptance\n\n${body}`;
  if (!/^## Goal/m.test(body)) body = `# Ping\n\n## Goal\n\nAnswer pings.\n\n${body}`;
  if (!/^## Acceptance/m.test(body)) body = `${body}\n\n${ACCEPTANCE}`;
  return `${front}\n${body}\n`;
}

const codes = Object.keys(CATALOGUE) as DiagnosticCode[];

describe('diagnostic explanations', () => {
  test('every catalogue code has a meaning, an example and a fix', () => {
    for (const code of codes) {
      const explanation = EXPLANATIONS[code];
      expect(explanation, code).toBeDefined();
      expect(explanation.meaning.length, `${code} meaning`).toBeGreaterThan(40);
      expect(explanation.example.trim(), `${code} example`).not.toBe('');
      expect(explanation.fix.length, `${code} fix`).toBeGreaterThan(15);
    }
    expect(Object.keys(EXPLANATIONS).sort()).toEqual([...codes].sort());
  });

  test.each(codes.filter((code) => !NOT_REPRODUCIBLE.includes(code)))('%s: its example gets it', (code) => {
    const { diagnostics } = parseSpec(specAround(exampleText(EXPLANATIONS[code].example)), 'specs/ping.md');
    expect(diagnostics.map((d) => d.code)).toContain(code);
  });

  test('the minimal spec an example is completed into is valid', () => {
    const { spec, diagnostics } = parseSpec(specAround(''), 'specs/ping.md');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(spec?.name).toBe('ping');
  });
});
