import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import { listSpecFiles } from '../project.js';
import { STARTER_SPEC, STARTER_SPEC_FILE } from '../starter-spec.js';

/** Writes a starter spec; refuses in a project that already has specs, so nothing is overwritten. */
export async function initProject(context: CliContext): Promise<ExitCodeValue> {
  const existing = await listSpecFiles(context.root);
  if (existing.length > 0) {
    throw new CliError(
      `this project already has specs (${existing.join(', ')}); init writes only into a project without specs`,
    );
  }
  const path = join(context.root, STARTER_SPEC_FILE);
  await mkdir(dirname(path), { recursive: true });
  try {
    // `wx` fails instead of overwriting, even if a file appeared since the listing.
    await writeFile(path, STARTER_SPEC, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new CliError(`${STARTER_SPEC_FILE} already exists`);
    throw error;
  }
  context.out(`created ${STARTER_SPEC_FILE}`);
  context.out('next: edit it, then run `specgate lint` and `specgate compile`');
  return ExitCode.ok;
}
