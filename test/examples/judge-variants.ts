/**
 * The flagship suites are as good as the bugs they catch. Each known-bad variant under
 * examples/<spec>/variants/ gets exactly one contract decision wrong; judged by the compiled
 * suite through `specgate strength --variants` (as a user judges known-bad implementations), it must
 * be killed by the criterion that names that decision. The references pass their whole suite.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { StrengthReport } from '../../src/strength/model.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Judged {
  /** Path of the variant under examples/<spec>/. */
  variant: string;
  /** The criterion whose decision the variant gets wrong. */
  criterion: string;
}

/** Where each spec keeps its variants, and how a variant file is run (from the project root). */
const VARIANT_DIRS: Record<string, Array<{ dir: string; command: (path: string) => string }>> = {
  'rate-limit': [{ dir: 'variants', command: (path) => `node --import tsx ${path}` }],
  'csv-import': [{ dir: 'variants', command: (path) => `node --import tsx ${path}` }],
  'view-counter': [{ dir: 'variants', command: (path) => `node ${path}` }],
  payments: [{ dir: 'variants', command: (path) => `node --import tsx ${path}` }],
  'config-loader': [
    { dir: 'ts/variants', command: (path) => `node --import tsx ${path}` },
    { dir: 'python/variants', command: (path) => `python3 ${path}` },
  ],
};

const CATCHES: Record<string, Judged[]> = {
  'rate-limit': [
    { variant: 'variants/check-then-add.ts', criterion: 'C-6' },
    { variant: 'variants/counts-rejected.ts', criterion: 'C-2' },
    { variant: 'variants/exit-without-redis.ts', criterion: 'FM-7' },
    { variant: 'variants/fail-closed.ts', criterion: 'FM-1' },
    { variant: 'variants/fixed-window.ts', criterion: 'C-1' },
    { variant: 'variants/ids-up-to-63.ts', criterion: 'AC-6' },
    { variant: 'variants/in-memory-counts.ts', criterion: 'C-4' },
    { variant: 'variants/missing-metric.ts', criterion: 'FM-1' },
    { variant: 'variants/no-redis-timeout.ts', criterion: 'FM-3' },
    { variant: 'variants/no-ttl.ts', criterion: 'C-3' },
    { variant: 'variants/no-warning-log.ts', criterion: 'FM-1' },
    { variant: 'variants/off-by-one-allows-59.ts', criterion: 'AC-1' },
    { variant: 'variants/off-by-one-allows-61.ts', criterion: 'AC-1' },
    { variant: 'variants/paid-gets-free-limit.ts', criterion: 'AC-2' },
    { variant: 'variants/per-route-keys.ts', criterion: 'C-8' },
    { variant: 'variants/retry-after-full-window.ts', criterion: 'AC-3' },
    { variant: 'variants/sticky-fail-open.ts', criterion: 'FM-5' },
    { variant: 'variants/ttl-too-long.ts', criterion: 'C-3' },
    { variant: 'variants/unauthenticated-accepted.ts', criterion: 'AC-5' },
    { variant: 'variants/wrong-key-name.ts', criterion: 'C-3' },
  ],
  'csv-import': [
    { variant: 'variants/amount-text-duplicate-key.ts', criterion: 'AC-6' },
    { variant: 'variants/batch-commits.ts', criterion: 'FM-3' },
    { variant: 'variants/bom-kept.ts', criterion: 'AC-4' },
    { variant: 'variants/currency-in-duplicate-key.ts', criterion: 'AC-6' },
    { variant: 'variants/database-failure-500.ts', criterion: 'FM-1' },
    { variant: 'variants/description-utf16-length.ts', criterion: 'AC-5' },
    { variant: 'variants/first-bad-record-only.ts', criterion: 'AC-2' },
    { variant: 'variants/impossible-dates.ts', criterion: 'AC-10' },
    { variant: 'variants/leap-every-fourth-year.ts', criterion: 'AC-10' },
    { variant: 'variants/loose-amount.ts', criterion: 'AC-10' },
    { variant: 'variants/loose-currency.ts', criterion: 'AC-10' },
    { variant: 'variants/naive-comma-split.ts', criterion: 'AC-3' },
    { variant: 'variants/no-import-lock.ts', criterion: 'C-3' },
    { variant: 'variants/no-row-limit.ts', criterion: 'AC-8' },
    { variant: 'variants/no-size-limit.ts', criterion: 'AC-8' },
    { variant: 'variants/partial-import.ts', criterion: 'AC-9' },
    { variant: 'variants/physical-line-numbers.ts', criterion: 'AC-3' },
    { variant: 'variants/record-numbers-from-zero.ts', criterion: 'AC-3' },
    { variant: 'variants/row-count-before-header.ts', criterion: 'C-1' },
    { variant: 'variants/untrimmed-duplicate-key.ts', criterion: 'AC-6' },
    { variant: 'variants/within-file-duplicates-kept.ts', criterion: 'AC-7' },
  ],
  'view-counter': [
    { variant: 'variants/fail-closed.mjs', criterion: 'FM-1' },
    { variant: 'variants/get-then-set.mjs', criterion: 'C-2' },
    { variant: 'variants/no-cache-timeout.mjs', criterion: 'FM-2' },
  ],
  payments: [
    { variant: 'variants/charge-before-row.ts', criterion: 'C-2' },
    { variant: 'variants/database-failure-500.ts', criterion: 'FM-6' },
    { variant: 'variants/declines-retried.ts', criterion: 'AC-5' },
    { variant: 'variants/key-per-customer.ts', criterion: 'C-3' },
    { variant: 'variants/keys-expire-after-an-hour.ts', criterion: 'C-3' },
    { variant: 'variants/no-metric.ts', criterion: 'FM-1' },
    { variant: 'variants/no-provider-deadline.ts', criterion: 'FM-1' },
    { variant: 'variants/no-retry-on-5xx.ts', criterion: 'FM-4' },
    { variant: 'variants/no-warning-log.ts', criterion: 'FM-1' },
    { variant: 'variants/pending-replayed.ts', criterion: 'FM-3' },
    { variant: 'variants/provider-failure-500.ts', criterion: 'FM-2' },
    { variant: 'variants/race-on-one-key.ts', criterion: 'AC-2' },
    { variant: 'variants/replay-not-byte-for-byte.ts', criterion: 'AC-1' },
    { variant: 'variants/retry-with-new-key.ts', criterion: 'FM-4' },
    { variant: 'variants/retry-without-delay.ts', criterion: 'FM-4' },
    { variant: 'variants/reused-key-replayed.ts', criterion: 'AC-3' },
    { variant: 'variants/second-charge-on-replay.ts', criterion: 'AC-1' },
    { variant: 'variants/waits-instead-of-409.ts', criterion: 'AC-2' },
  ],
  'config-loader': [
    { variant: 'ts/variants/error-on-stdout.ts', criterion: 'C-3' },
    { variant: 'ts/variants/file-key-order.ts', criterion: 'C-1' },
    { variant: 'ts/variants/flat-known-keys.ts', criterion: 'FM-1' },
    { variant: 'ts/variants/ignores-unknown-keys.ts', criterion: 'FM-1' },
    { variant: 'ts/variants/no-defaults.ts', criterion: 'AC-2' },
    { variant: 'ts/variants/string-port-accepted.ts', criterion: 'FM-2' },
    { variant: 'ts/variants/zero-based-lines.ts', criterion: 'C-2' },
    { variant: 'python/variants/bool_port_accepted.py', criterion: 'FM-2' },
    { variant: 'python/variants/errors_on_stdout.py', criterion: 'C-3' },
    { variant: 'python/variants/top_level_keys_only.py', criterion: 'FM-1' },
    { variant: 'python/variants/traceback_on_syntax_error.py', criterion: 'FM-4' },
    { variant: 'python/variants/zero_based_marks.py', criterion: 'C-2' },
  ],
};

interface Run {
  code: number | null;
  output: string;
}

export function specgate(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    for (const key of ['SPECGATE_TARGET', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']) {
      delete env[key];
    }
    const child = spawn(process.execPath, [join(ROOT, 'bin/specgate.js'), ...args], {
      cwd: ROOT,
      env: { ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function variantsOnDisk(spec: string): string[] {
  return VARIANT_DIRS[spec]!.flatMap(({ dir }) =>
    readdirSync(join(ROOT, 'examples', spec, dir))
      .filter((file) => /\.(ts|mjs|py)$/.test(file) && file !== 'edit-script.ts')
      .map((file) => `${dir}/${file}`),
  ).sort();
}

function commandFor(spec: string, variant: string): string {
  const runner = VARIANT_DIRS[spec]!.find(({ dir }) => variant.startsWith(`${dir}/`))!;
  return runner.command(`examples/${spec}/${variant}`);
}

/** Specs that show one feature (a service kind), not a flagship contract: fewer variants. */
const SHOWCASES = new Set(['view-counter']);

/** Defines the tests of one spec's variants (one test file per spec, so they run in parallel). */
export function judgeVariants(spec: string): void {
  const catches = CATCHES[spec]!;
  describe(spec, () => {
    test('every variant on disk is judged here: at least 12 for a flagship, and 3 per language', () => {
      expect(catches.map((c) => c.variant).sort()).toEqual(variantsOnDisk(spec));
      expect(catches.length).toBeGreaterThanOrEqual(SHOWCASES.has(spec) ? 3 : 12);
      for (const { dir } of VARIANT_DIRS[spec]!) {
        expect(catches.filter((c) => c.variant.startsWith(`${dir}/`)).length).toBeGreaterThanOrEqual(3);
      }
    });

    test.each(catches)(
      '$variant fails $criterion',
      async ({ variant, criterion }) => {
        const reportDir = await mkdtemp(join(tmpdir(), 'specgate-variant-'));
        try {
          const path = `examples/${spec}/${variant}`;
          const run = await specgate([
            'strength',
            spec,
            '--variants',
            path,
            '--criterion',
            criterion,
            '--report-dir',
            reportDir,
          ]);
          expect(run.code, run.output.slice(-3000)).toBe(0);
          const report = JSON.parse(
            await readFile(join(reportDir, 'strength.json'), 'utf8'),
          ) as StrengthReport;
          const [judged] = report.wrong;
          expect(judged, run.output.slice(-3000)).toMatchObject({
            id: path,
            command: commandFor(spec, variant),
            status: 'killed',
            killedBy: [`specs/${spec}.md#${criterion}`],
          });
        } finally {
          await rm(reportDir, { recursive: true, force: true });
        }
      },
      240_000,
    );

    test('the reference passes every criterion', async () => {
      const run = await specgate(['test', spec]);
      expect(run.code, run.output.slice(-4000)).toBe(0);
    }, 300_000);

    if (spec === 'config-loader') {
      test('the Python implementation passes the same compiled suite', async () => {
        const target = 'python3 examples/config-loader/python/config_loader.py';
        const run = await specgate(['test', spec, '--target', target]);
        expect(run.output).toContain(`judging cli: ${target}`);
        expect(run.code, run.output.slice(-4000)).toBe(0);
      }, 300_000);
    }
  });
}
