/** Temp dirs named `specgate-<label>-XXXXXX`, owned (and so reaped) until removed. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptDir, releaseDir } from './ownership.js';

/** Creates a temp dir under `parent` (default `os.tmpdir()`). */
export async function createTempDir(label: string, parent: string = tmpdir()): Promise<string> {
  const path = await mkdtemp(join(parent, `specgate-${label}-`));
  adoptDir(path);
  return path;
}

export async function removeTempDir(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true, maxRetries: 3 });
  releaseDir(path);
}
