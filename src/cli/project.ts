/**
 * The project on disk as the commands see it: spec files under `specs/`, generated
 * suites under `generated/`, paths relative to the root with `/` separators.
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Spec } from '../ir.js';
import { GENERATED_DIR, splitGeneratedFile } from '../compile/index.js';
import { parseSpec } from '../parse/index.js';
import { CliError } from './errors.js';
import { readSpecFile } from './spec-file.js';
import { escapeLine } from '../diagnostics/escape.js';

export const SPECS_DIR = 'specs';

export interface LoadedSpec {
  /** Relative path, e.g. `specs/rate-limit.md`. */
  file: string;
  source: string;
  spec?: Spec;
  diagnostics: Diagnostic[];
}

export interface GeneratedFile {
  /** Relative path, e.g. `generated/rate-limit.test.ts`. */
  file: string;
  text: string;
}

/** `specs/*.md` except README.md, sorted. */
export async function listSpecFiles(root: string): Promise<string[]> {
  const names = await readdirIfExists(join(root, SPECS_DIR));
  return names
    .filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => `${SPECS_DIR}/${name}`);
}

const SPEC_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The spec files named on the command line (paths or spec names), or all of them; never none. */
export async function selectSpecFiles(root: string, args: readonly string[]): Promise<string[]> {
  if (args.length === 0) {
    const all = await listSpecFiles(root);
    if (all.length === 0)
      throw new CliError('no specs found: expected specs/*.md (run `specgate init` to start)');
    return all;
  }
  const files: string[] = [];
  for (const arg of args) {
    // A bare name (`rate-limit`) means specs/<name>.md, as generated files are named.
    const absolute = resolve(root, SPEC_NAME.test(arg) ? `${SPECS_DIR}/${arg}.md` : arg);
    const file = relative(root, absolute).split(sep).join('/');
    if (file.startsWith('../') || isAbsolute(file))
      throw new CliError(`${escapeLine(arg)}: not inside the project ${escapeLine(root)}`);
    if (!file.endsWith('.md')) throw new CliError(`${escapeLine(arg)}: a spec is a Markdown file (.md)`);
    // Whatever exists is read by readSpecFile, which names a FIFO, a directory or a dangling link.
    const exists = await lstat(absolute).then(
      () => true,
      () => false,
    );
    if (!exists) throw new CliError(`${escapeLine(arg)}: no such spec file`);
    if (!files.includes(file)) files.push(file);
  }
  return files;
}

/** Reads (see spec-file.ts) and parses each spec; a file that cannot be read is a spec with an error. */
export async function loadSpecs(root: string, files: readonly string[]): Promise<LoadedSpec[]> {
  return Promise.all(
    files.map(async (file) => {
      const read = await readSpecFile(root, file);
      if ('diagnostic' in read) return { file, source: '', diagnostics: [read.diagnostic] };
      const { source } = read;
      const library = await readLibrary(root, file);
      const { spec, diagnostics } = parseSpec(source, file, library ? { library } : {});
      return spec ? { file, source, spec, diagnostics } : { file, source, diagnostics };
    }),
  );
}

/** The file of phrases (and blocks) shared by the specs of a directory: `phrases.yaml` beside the spec. */
export const LIBRARY_FILE = 'phrases.yaml';

async function readLibrary(
  root: string,
  specFile: string,
): Promise<{ file: string; source: string } | undefined> {
  const file = [...specFile.split('/').slice(0, -1), LIBRARY_FILE].join('/');
  try {
    return { file, source: await readFile(join(root, file), 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The specs the drift check compares generated/ with: specs/*.md, and any other spec of the
 * project a generated file names as its source (`specgate test examples/x.md` compiles one too).
 */
export async function listDriftSpecFiles(
  root: string,
  generated: readonly GeneratedFile[],
): Promise<string[]> {
  const files = new Set(await listSpecFiles(root));
  for (const { text } of generated) {
    const source = splitGeneratedFile(text)?.header.source;
    if (source === undefined || files.has(source) || !source.endsWith('.md')) continue;
    const absolute = resolve(root, source);
    const inside = relative(root, absolute).split(sep).join('/');
    if (inside !== source || inside.startsWith('../') || isAbsolute(inside)) continue;
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) files.add(source);
  }
  return [...files].sort();
}

/** `generated/*.test.ts`, sorted. */
export async function loadGeneratedFiles(root: string): Promise<GeneratedFile[]> {
  const names = (await readdirIfExists(join(root, GENERATED_DIR)))
    .filter((name) => name.endsWith('.test.ts'))
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = `${GENERATED_DIR}/${name}`;
      return { file, text: await readFile(join(root, file), 'utf8') };
    }),
  );
}

export function hasErrors(spec: Pick<LoadedSpec, 'diagnostics' | 'spec'>): boolean {
  return !spec.spec || spec.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

async function readdirIfExists(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return [];
    throw new CliError(`${dir}: cannot list the directory (${code ?? String(error)})`);
  }
}
