/** `defineSpecSuite`: what a generated test file calls once, at its top. */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Criterion, SpecConfig } from '../../ir.js';
import { SuiteEnvironment } from './environment.js';
import { readKnobs } from './knobs.js';
import { verifyCriterion } from './verify.js';

export interface SuiteInfo {
  name: string;
  title: string;
  file: string;
  sha256: string;
  config: SpecConfig;
}

export interface SpecSuite {
  verify(criterion: Criterion): Promise<void>;
}

export function defineSpecSuite(info: SuiteInfo): SpecSuite {
  const knobs = readKnobs();
  let environment: SuiteEnvironment | undefined;
  const suite = (): SuiteEnvironment =>
    (environment ??= new SuiteEnvironment(
      info.config,
      knobs.root,
      knobs.targetOverride,
      knobs.seed ?? randomInt(0, 2 ** 31 - 1),
    ));

  beforeAll(() => {
    // Resolve the target now so a bad SPECGATE_TARGET fails the file at once, not every test.
    suite();
  });
  afterAll(async () => {
    await environment?.close();
  });

  return {
    verify: (criterion) => verifyCriterion(suite(), { file: info.file }, criterion, knobs),
  };
}
