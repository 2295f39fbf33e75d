// StrykerJS loads its plugins with import() in its own processes, which know no TypeScript: this shim
// teaches them (tsx), then hands over the specgate test runner (test-runner.ts).
import { register } from 'tsx/esm/api';

register();
export const { strykerPlugins } = await import('./test-runner.ts');
