/**
 * `specgate test --watch`: compile, run, then keep both in step with the specs. A changed spec is
 * recompiled into its generated suite; vitest, watching the suites, reruns the ones whose bytes
 * changed. A spec with errors prints its diagnostics and leaves its suite as it was.
 */
import { watch } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import { selectSpecFiles, SPECS_DIR } from '../project.js';
import { watchGeneratedSuites } from '../run-vitest.js';
import { compileProject } from './compile.js';
import { criterionPattern, runtimeEnv } from './test.js';
import type { TestOptions } from './test.js';
import { escapeLine } from '../../diagnostics/escape.js';

/** Editors write a file in bursts (truncate, write, rename): compile once the burst is over. */
const SETTLE_MS = 150;

export async function watchProject(
  context: CliContext,
  args: readonly string[],
  options: TestOptions,
): Promise<ExitCodeValue> {
  const { suites } = await compileProject(context, args);
  const selected = args.length > 0 ? new Set(await selectSpecFiles(context.root, args)) : undefined;
  await watchGeneratedSuites({
    root: context.root,
    // Named specs: only their suites. None: every suite, so new specs join the watch.
    files: args.length > 0 ? suites.map((suite) => join(context.root, suite)) : [],
    ...(options.criterion !== undefined ? { testNamePattern: criterionPattern(options.criterion) } : {}),
    env: runtimeEnv(context, options),
  });

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  // One compile at a time, in the order the changes came.
  let compiling = Promise.resolve();
  const recompile = (): void => {
    const files = [...pending].filter((file) => selected === undefined || selected.has(file));
    pending.clear();
    for (const file of files) {
      compiling = compiling.then(async () => {
        try {
          const { written } = await compileProject(context, [file]);
          context.err(
            written.length > 0
              ? `specgate: ${escapeLine(file)} changed: recompiled ${written.map(escapeLine).join(', ')}`
              : `specgate: ${escapeLine(file)} changed: its suite is the same`,
          );
        } catch (error) {
          // Diagnostics are printed by compileProject; the old suite stays in place and in the watch.
          if (error instanceof CliError) context.err(`specgate: ${error.message}`);
          else
            context.err(
              `specgate: ${escapeLine(file)}: ${error instanceof Error ? error.message : String(error)}`,
            );
        }
      });
    }
  };
  watch(join(context.root, SPECS_DIR), (_event, name) => {
    if (!name?.endsWith('.md') || name.toLowerCase() === 'readme.md') return;
    pending.add(`${SPECS_DIR}/${name}`);
    clearTimeout(timer);
    timer = setTimeout(recompile, SETTLE_MS);
  });
  context.err(`specgate: watching ${SPECS_DIR}/ for changes (Ctrl-C to stop)`);

  // vitest owns Ctrl-C in watch mode: it exits with 130 (or 1 after a failed run); the runtime's
  // reaper then stops the targets and services the workers started.
  await new Promise<never>(() => undefined);
  return ExitCode.ok;
}
