import { rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compileSpec, generatedPathFor, splitGeneratedFile } from '../../compile/index.js';
import type { Spec } from '../../ir.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { writeFilesAtomically } from '../fs-atomic.js';
import { hasErrors, loadGeneratedFiles, loadSpecs, selectSpecFiles } from '../project.js';
import { printDiagnostics } from '../report-diagnostics.js';
import { escapeLine } from '../../diagnostics/escape.js';

export interface CompileResult {
  /** Generated suites of the selected specs (relative paths), whether rewritten or not. */
  suites: string[];
  /** The compiled specs. */
  specs: Spec[];
  /** Files whose content changed. */
  written: string[];
  /** Orphaned generated files removed (full compiles only). */
  deleted: string[];
}

/** `specgate compile`: compiles, then confirms in one line what was written, and how long it took. */
export async function compileCommand(context: CliContext, args: readonly string[]): Promise<void> {
  const started = performance.now();
  const { suites, written, deleted } = await compileProject(context, args);
  const changes = [`${written.length} written`, `${suites.length - written.length} unchanged`];
  if (deleted.length > 0) changes.push(`${deleted.length} orphan(s) deleted`);
  context.out(
    `compiled ${plural(suites.length, 'spec')} into generated/ (${changes.join(', ')}) in ${elapsed(started)}`,
  );
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function elapsed(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}

/**
 * Compiles the selected specs (all when `args` is empty). All or nothing: when any spec has
 * an error, nothing is written. A full compile also removes generated files whose spec is gone.
 */
export async function compileProject(context: CliContext, args: readonly string[]): Promise<CompileResult> {
  const files = await selectSpecFiles(context.root, args);
  const loaded = await loadSpecs(context.root, files);

  for (const spec of loaded) {
    printDiagnostics(context, spec.diagnostics, spec.source, {
      minimum: context.verbose ? 'warning' : 'error',
      to: 'err',
    });
  }
  const broken = loaded.filter(hasErrors);
  if (broken.length > 0) {
    throw new CliError(
      `${broken.map((spec) => spec.file).join(', ')}: ${broken.length === 1 ? 'has errors' : 'have errors'}; nothing was written`,
    );
  }

  const outputs = new Map<string, { spec: string; text: string }>();
  for (const { spec, file } of loaded) {
    if (!spec) continue;
    const path = generatedPathFor(spec);
    const clash = outputs.get(path);
    if (clash) {
      throw new CliError(
        `${escapeLine(clash.spec)} and ${escapeLine(file)} are both named "${spec.name}"; nothing was written`,
      );
    }
    outputs.set(path, { spec: file, text: compileSpec(spec) });
  }

  const orphans = args.length === 0 ? await findOrphans(context.root, new Set(outputs.keys())) : [];
  const written = await writeFilesAtomically(
    [...outputs].map(([path, { text }]) => ({ path: join(context.root, path), text })),
  );
  for (const orphan of orphans) await rm(join(context.root, orphan), { force: true });

  const result = {
    suites: [...outputs.keys()],
    specs: loaded.flatMap(({ spec }) => (spec ? [spec] : [])),
    written: written.map((path) => toProjectPath(context.root, path)),
    deleted: orphans,
  };
  for (const file of result.written) context.info(`wrote ${escapeLine(file)}`);
  for (const file of result.deleted) context.info(`deleted ${escapeLine(file)} (its spec is gone)`);
  context.info(`${result.suites.length} suite(s) compiled, ${result.written.length} changed`);
  return result;
}

/** Generated files carrying a specgate header that no current spec produces; other files are left alone. */
async function findOrphans(root: string, produced: ReadonlySet<string>): Promise<string[]> {
  const existing = await loadGeneratedFiles(root);
  return existing
    .filter(({ file, text }) => !produced.has(file) && splitGeneratedFile(text) !== undefined)
    .map(({ file }) => file);
}

function toProjectPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
