#!/usr/bin/env node
// An installed package runs its built JavaScript (dist/). A checkout runs dist/ while it is at
// least as new as every file under src/, and otherwise the TypeScript source through tsx, so an
// edit is never judged by a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const built = `${packageRoot}dist/cli/main.js`;
const source = `${packageRoot}src`;

function newestSourceChange(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const useBuild =
  existsSync(built) && (!existsSync(source) || statSync(built).mtimeMs >= newestSourceChange(source));
let main;
if (useBuild) {
  ({ main } = await import(new URL('../dist/cli/main.js', import.meta.url).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
