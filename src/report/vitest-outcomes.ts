/** Reads vitest's results (a live run or merged shard blobs) into the outcomes the report is built from. */
import { relative, sep } from 'node:path';
import type { TestModule } from 'vitest/node';
import type { SuiteOutcome, TestOutcome } from './collect.js';

export function outcomesFromTestModules(root: string, modules: readonly TestModule[]): SuiteOutcome[] {
  return modules.map((module) => ({
    suite: relative(root, module.moduleId).split(sep).join('/'),
    tests: [...module.children.allTests()].map((test): TestOutcome => {
      const result = test.result();
      const meta = test.meta().specgate;
      const duration = test.diagnostic()?.duration;
      return {
        name: test.name,
        state: result.state,
        mode: test.options.mode,
        ...(result.state === 'skipped' && result.note ? { note: result.note } : {}),
        ...(duration !== undefined ? { durationMs: duration } : {}),
        ...(meta ? { meta } : {}),
        errors: (result.errors ?? []).map((error) => error.message),
      };
    }),
    errors: module.errors().map((error) => error.message),
  }));
}
