import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface FileToWrite {
  /** Absolute path. */
  path: string;
  text: string;
}

/**
 * Writes every file to a temporary sibling first and renames them into place only when all
 * were written, so a failure leaves the old files untouched. Files whose content is already
 * the same are not rewritten (their mtimes stay, watchers stay quiet). Returns the paths written.
 */
export async function writeFilesAtomically(files: readonly FileToWrite[]): Promise<string[]> {
  const changed: FileToWrite[] = [];
  for (const file of files) {
    if ((await readIfExists(file.path)) !== file.text) changed.push(file);
  }
  const staged: Array<{ temp: string; path: string }> = [];
  try {
    for (const file of changed) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ temp, path: file.path });
      await writeFile(temp, file.text, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  let renamed = 0;
  try {
    for (const { temp, path } of staged) {
      await rename(temp, path);
      renamed += 1;
    }
  } catch (error) {
    // Renames within one directory do not fail in practice; if one does, leave no temp files behind.
    await Promise.all(staged.slice(renamed).map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  return staged.map(({ path }) => path);
}

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
