/**
 * Golden files: each `<name>.md` in a folder beside its expected output, compared exactly.
 * `SPECGATE_UPDATE_GOLDEN=1` (npm run golden:update) rewrites them; review the diff like code.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The golden cases of a folder: the names of its `.md` files, sorted. */
export function goldenNames(dir: URL): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.slice(0, -'.md'.length))
    .sort();
}

export function readGoldenSource(dir: URL, name: string): string {
  return readFileSync(new URL(`${name}.md`, dir), 'utf8');
}

/** Asserts `actual` equals the golden file (after rewriting it, when updating). */
export function expectGolden(dir: URL, goldenFile: string, actual: string): void {
  const url = new URL(goldenFile, dir);
  if (process.env.SPECGATE_UPDATE_GOLDEN === '1') writeFileSync(url, actual);
  const golden = readFileSync(url, 'utf8');
  expect(actual, `${goldenFile} is out of date: run npm run golden:update and review the diff`).toBe(golden);
}
