import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { toxicDefinitions } from '../../../src/runtime/faults/index.js';
import { TOXIC_TYPES, toxicDeclaration } from '../../../src/toxics.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const docs = readFileSync(`${root}docs/faults.md`, 'utf8');

// Like ESLint's rule meta-test: a toxic without docs or its own test fails here.
describe.each(Object.entries(toxicDefinitions))('toxic %s', (type, definition) => {
  test('is registered under its own type', () => {
    expect(definition.type).toBe(type);
  });

  test('has its own module and test file', () => {
    expect(existsSync(`${root}src/runtime/faults/toxics/${type}.ts`)).toBe(true);
    expect(existsSync(`${root}test/runtime/faults/toxics/${type}.test.ts`)).toBe(true);
  });

  test('is documented in docs/faults.md with every attribute', () => {
    const section = docs.split(/^## /m).find((part) => part.startsWith(`\`${type}\``));
    expect(section, `a "## \`${type}\`" section`).toBeDefined();
    for (const attribute of Object.keys(toxicDeclaration(definition.type).attributes)) {
      expect(section).toContain(`\`${attribute}\``);
    }
  });
});

test('every declared toxic has a runtime module, and nothing else is registered', () => {
  expect(Object.keys(toxicDefinitions).sort()).toEqual([...TOXIC_TYPES].sort());
});
