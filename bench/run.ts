/**
 * `npm run bench`: runs every bench/<name>/index.ts in turn, each in its own Node process so
 * one bench's warm caches and heap do not flatter the next. Exit 1 when any bench fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(benchDir, entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n== bench/${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, name, 'index.ts')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed += 1;
    console.log(`bench/${name} failed (exit ${result.status ?? result.signal})`);
  }
}
console.log(`\n${benches.length - failed}/${benches.length} benches passed`);
process.exitCode = failed > 0 ? 1 : 0;
