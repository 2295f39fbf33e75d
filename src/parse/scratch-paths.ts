import { posix, win32 } from 'node:path';
import type { Reporter } from './reporter.js';
import type { YamlValue } from './yaml-tree.js';

/**
 * Why a file name of a `cli` run (`files`, `expect.files`) cannot stay inside the run's
 * scratch directory, or undefined when it can. Names are taken as written (no templates).
 * Pure: names are judged as text; the runtime checks them again with links resolved.
 */
export function scratchPathProblem(path: string): string | undefined {
  if (path.trim() === '') return 'the name is empty';
  if (path.includes('\0')) return 'the name holds a NUL character';
  if (posix.isAbsolute(path) || win32.isAbsolute(path)) return 'the name is an absolute path';
  const normal = posix.normalize(path.replace(/\\/g, '/'));
  if (normal === '..' || normal.startsWith('../')) return 'the name climbs out with ".."';
  if (normal === '.' || normal === './') return 'the name is the scratch directory itself';
  return undefined;
}

/** Reports every key of a `files` mapping that would read or write outside the scratch directory. */
export function checkScratchPaths(files: YamlValue, reporter: Reporter): void {
  for (const [path, entry] of files.entries()) {
    const problem = scratchPathProblem(path);
    if (problem === undefined) continue;
    reporter.report(
      'SG3018',
      entry.keyRange(),
      { path },
      {
        expected: 'a relative path inside the scratch directory, such as out/report.json',
        found: problem,
      },
    );
  }
}
