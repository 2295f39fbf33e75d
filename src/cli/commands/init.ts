import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import { writeFilesAtomically } from '../fs-atomic.js';
import { inferFrontMatter } from '../infer-front-matter.js';
import { listSpecFiles, selectSpecFiles } from '../project.js';
import { printDiagnostics } from '../report-diagnostics.js';
import { readSpecFile } from '../spec-file.js';
import {
  DEFAULT_STARTER_SPEC_FILE,
  STARTER_SERVER_FILE,
  STARTER_SERVICES,
  starterServer,
  starterSpec,
} from '../starter-spec.js';
import type { StarterService } from '../starter-spec.js';

export interface InitOptions {
  /** The dependency of the starter spec: `redis` (default) or `postgres`. */
  service?: string;
  /** A prose spec without front matter: write the front matter its prose implies instead. */
  from?: string;
}

const SPEC_PATH = /^specs\/([a-z0-9][a-z0-9-]{0,63})\.md$/;

/**
 * Writes a starter spec (specs/visits.md, or the path given) and, when the project has none yet,
 * the small server it judges. Never overwrites: a file that exists is left alone and named.
 */
export async function initProject(
  context: CliContext,
  specArg: string | undefined,
  options: InitOptions = {},
): Promise<ExitCodeValue> {
  if (options.from !== undefined) {
    if (specArg !== undefined) throw new CliError('init --from <spec> takes no other spec argument');
    return frontMatterFromProse(context, options.from);
  }
  const service = starterService(options.service);
  const specFile = specPath(context.root, specArg ?? DEFAULT_STARTER_SPEC_FILE);
  const name = basename(specFile, '.md');
  const hadSpecs = (await listSpecFiles(context.root)).length > 0;

  if (!(await writeNew(context.root, specFile, starterSpec(name, service)))) {
    throw new CliError(
      `${specFile} already exists; name a new spec instead, e.g. \`specgate init specs/orders.md\``,
    );
  }
  context.out(`created ${specFile} (a ${service}-backed service: every section, a fault, a property)`);
  if (await writeNew(context.root, STARTER_SERVER_FILE, starterServer(service))) {
    context.out(`created ${STARTER_SERVER_FILE} (a server that passes it: the spec's target)`);
  } else {
    context.out(`kept ${STARTER_SERVER_FILE} (it exists already)`);
  }
  context.out(
    hadSpecs
      ? `next: point ${specFile}'s target at your implementation, then \`specgate lint\` and \`specgate test ${name}\``
      : `next: \`specgate test\` judges ${STARTER_SERVER_FILE} against it; then make the spec yours`,
  );
  return ExitCode.ok;
}

function starterService(value: string | undefined): StarterService {
  if (value === undefined) return 'redis';
  const service = STARTER_SERVICES.find((candidate) => candidate === value);
  if (!service) throw new CliError(`--service ${value}: expected one of ${STARTER_SERVICES.join(', ')}`);
  return service;
}

/** `specs/<name>.md` relative to the root, whatever form the user typed it in. */
function specPath(root: string, arg: string): string {
  const path = relative(root, resolve(root, arg)).split(sep).join('/');
  if (!SPEC_PATH.test(path)) {
    throw new CliError(
      `${arg}: expected a new spec file under specs/ named with lower-case letters, digits and dashes, e.g. specs/orders.md`,
    );
  }
  return path;
}

/** Writes `text` to a file that must not exist yet; false when it does. */
async function writeNew(root: string, file: string, text: string): Promise<boolean> {
  const path = join(root, file);
  await mkdir(dirname(path), { recursive: true });
  try {
    // `wx` fails instead of overwriting, even if the file appeared a moment ago.
    await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Prepends the front matter a prose spec implies (services, env, routes) for its author to finish. */
async function frontMatterFromProse(context: CliContext, arg: string): Promise<ExitCodeValue> {
  const [file] = await selectSpecFiles(context.root, [arg]);
  if (file === undefined) throw new CliError(`${arg}: no such spec file`);
  const path = join(context.root, file);
  const read = await readSpecFile(context.root, file);
  if ('diagnostic' in read) {
    printDiagnostics(context, [read.diagnostic], '', { minimum: 'error', to: 'err' });
    throw new CliError(`${file}: not read; nothing was written`);
  }
  const { source } = read;
  if (/^\uFEFF?---\r?\n/.test(source)) {
    throw new CliError(`${file} already has front matter; init --from writes one only where there is none`);
  }
  const inferred = inferFrontMatter(basename(file, '.md'), source);
  await writeFilesAtomically([{ path, text: `---\n${inferred.yaml}---\n\n${source}` }]);
  const found = [
    `${Object.keys(inferred.services).length} service(s)`,
    `${inferred.env.length} env var(s)`,
    `${inferred.routes.length} route(s)`,
  ].join(', ');
  context.out(`wrote a front matter into ${file} (${found} from its prose)`);
  context.out(`next: set target.command (and the TODOs) in ${file}, then \`specgate lint ${file}\``);
  return ExitCode.ok;
}
