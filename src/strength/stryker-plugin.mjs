// StrykerJS loads its plugins with import() in its own processes. Built (dist/), the test runner
// sits beside this shim as JavaScript; from the TypeScript source (src/), those processes know no
// TypeScript, so the shim teaches them (tsx) before it hands over test-runner.ts.
import { existsSync } from 'node:fs';

const compiled = new URL('./test-runner.js', import.meta.url);

async function loadTestRunner() {
  if (existsSync(compiled)) return import(compiled.href);
  const { register } = await import('tsx/esm/api');
  register();
  return import('./test-runner.ts');
}

export const { strykerPlugins } = await loadTestRunner();
