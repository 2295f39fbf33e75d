import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const runtimeEntry = fileURLToPath(new URL('./src/runtime/index.ts', import.meta.url));

export default defineConfig({
  resolve: {
    // Generated suites import the runtime by its package name, as they do in a user's project.
    alias: { 'specgate/runtime': runtimeEntry },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'tool',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'generated',
          include: ['generated/**/*.test.ts'],
          // The runtime enforces per-run timeouts itself; this only bounds a whole property.
          testTimeout: 600_000,
          hookTimeout: 120_000,
          // Suites start real servers on shared machines: one file at a time keeps timing honest.
          fileParallelism: false,
        },
      },
    ],
  },
});
