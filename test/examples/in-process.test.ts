/**
 * The rate-limit reference mounted in-process through the module target (supertest), with its
 * real Redis, judged by the same compiled suite that judges it as a separate process: every
 * criterion, including three instances (three imports) and restarts (fresh imports).
 */
import { expect, test } from 'vitest';
import { specgate } from './judge-variants.js';

test('the rate-limit reference passes its whole suite in-process', async () => {
  const target = 'module:examples/rate-limit/app.ts#createRateLimitApp';
  const run = await specgate(['test', 'rate-limit', '--target', target]);
  expect(run.output).toContain('judging module: examples/rate-limit/app.ts#createRateLimitApp');
  expect(run.code, run.output.slice(-4000)).toBe(0);
}, 300_000);
