/**
 * Runs generated suites with vitest in this process: the `generated` project of the
 * project's vitest config when it has one, otherwise an inline config equivalent to it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './errors.js';

export interface VitestRunOptions {
  root: string;
  /** Absolute paths of the suites to run. */
  files: string[];
  /** Only tests whose full name matches. */
  testNamePattern?: RegExp;
  /** Env the runtime reads (SPECGATE_*), set for the duration of the run. */
  env: Record<string, string>;
}

const CONFIG_FILES = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `vitest.config.${ext}`);
const GENERATED_PROJECT = 'generated';
const RUNTIME_ENTRY = fileURLToPath(new URL('../runtime/index.ts', import.meta.url));

/** True when every selected test passed (or was a todo). */
export async function runGeneratedSuites(options: VitestRunOptions): Promise<boolean> {
  const config = CONFIG_FILES.map((name) => join(options.root, name)).find((path) => existsSync(path));
  const restoreEnv = setEnv(options.env);
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    // Loaded on demand: vitest's node API (vite, esbuild) would double the start-up of every other command.
    const { startVitest } = await import('vitest/node');
    const vitest = await startVitest(
      'test',
      options.files,
      {
        root: options.root,
        run: true,
        watch: false,
        ...(options.testNamePattern ? { testNamePattern: options.testNamePattern } : {}),
        ...(config ? { config, project: [GENERATED_PROJECT] } : { config: false }),
      },
      config ? undefined : inlineConfig(),
    );
    const failed =
      (process.exitCode ?? 0) !== 0 ||
      vitest.state.getCountOfFailedTests() > 0 ||
      vitest.state.getFiles().some((file) => file.result?.state === 'fail');
    return !failed;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('No projects matched')) {
      throw new CliError(
        `${config}: has no vitest project named "${GENERATED_PROJECT}" (include: ['generated/**/*.test.ts']); add one`,
      );
    }
    throw error;
  } finally {
    process.exitCode = previousExitCode;
    restoreEnv();
  }
}

/** The `generated` project of specgate's own config, for projects without a vitest config. */
function inlineConfig() {
  return {
    resolve: { alias: { 'specgate/runtime': RUNTIME_ENTRY } },
    test: {
      include: ['generated/**/*.test.ts'],
      testTimeout: 600_000,
      hookTimeout: 120_000,
      fileParallelism: false,
      // The runtime is TypeScript: transform it even when specgate sits in node_modules.
      server: { deps: { inline: [/specgate/] } },
    },
  };
}

function setEnv(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
