/** Checks an HTTP response or a CLI run against the IR's expectations. */
import type { CliExpectation, ResponseExpectation } from '../../ir.js';
import type { Scope } from '../expr/index.js';
import type { CliRunResult, HttpResponse } from '../types.js';
import { matchValue } from './matcher.js';
import type { Mismatch } from './matcher.js';

const LOOSE = { subset: false, numericStrings: true } as const;
const BODY = { subset: true, numericStrings: false } as const;

export async function matchResponse(
  response: HttpResponse & { latency?: number },
  expectation: ResponseExpectation,
  scope: Scope,
): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  if (expectation.status !== undefined) {
    mismatches.push(
      ...(await matchValue(response.status, expectation.status, 'status', { ...LOOSE, scope })),
    );
  }
  for (const [name, expected] of Object.entries(expectation.headers ?? {})) {
    const actual = response.headers[name.toLowerCase()];
    mismatches.push(...(await matchValue(actual, expected, `headers.${name}`, { ...LOOSE, scope })));
  }
  if (expectation.body !== undefined) {
    const body = response.json === undefined ? response.text : response.json;
    mismatches.push(...(await matchValue(body, expectation.body, 'body', { ...BODY, scope })));
  }
  if (expectation.bodySchema !== undefined) {
    mismatches.push(
      ...(await matchValue(response.json, { $schema: expectation.bodySchema }, 'body', { ...BODY, scope })),
    );
  }
  if (expectation.text !== undefined) {
    mismatches.push(...(await matchValue(response.text, expectation.text, 'text', { ...LOOSE, scope })));
  }
  if (expectation.latency !== undefined && response.latency !== undefined) {
    mismatches.push(
      ...(await matchValue(Math.round(response.latency), expectation.latency, 'latency', {
        ...LOOSE,
        scope,
      })),
    );
  }
  return mismatches;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `files` holds the scratch directory's files after the run (undefined = absent). */
export async function matchCliRun(
  run: CliRunResult & { files: Record<string, string | undefined> },
  expectation: CliExpectation,
  scope: Scope,
): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  if (expectation.exit !== undefined) {
    mismatches.push(...(await matchValue(run.exitCode, expectation.exit, 'exit', { ...LOOSE, scope })));
  }
  if (expectation.stdout !== undefined) {
    mismatches.push(...(await matchValue(run.stdout, expectation.stdout, 'stdout', { ...LOOSE, scope })));
  }
  if (expectation.stderr !== undefined) {
    mismatches.push(...(await matchValue(run.stderr, expectation.stderr, 'stderr', { ...LOOSE, scope })));
  }
  if (expectation.json !== undefined) {
    mismatches.push(
      ...(await matchValue(parseJson(run.stdout), expectation.json, 'json', { ...BODY, scope })),
    );
  }
  for (const [path, expected] of Object.entries(expectation.files ?? {})) {
    const where = `files[${JSON.stringify(path)}]`;
    mismatches.push(...(await matchValue(run.files[path], expected, where, { ...LOOSE, scope })));
  }
  return mismatches;
}
