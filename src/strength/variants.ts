/**
 * `--variants dir/`: known-bad implementations in any language, one file (or one executable) each,
 * judged by the same compiled suite, several at once. A variant is killed when a criterion fails.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import { judge } from './judge.js';
import type { WrongImplementation } from './model.js';

/** How a variant file is run, by extension; any other executable file runs as itself. */
const RUNNERS: Record<string, (path: string) => string> = {
  '.ts': (path) => `node --import tsx ${path}`,
  '.mts': (path) => `node --import tsx ${path}`,
  '.js': (path) => `node ${path}`,
  '.mjs': (path) => `node ${path}`,
  '.py': (path) => `python3 ${path}`,
  '.rb': (path) => `ruby ${path}`,
  '.sh': (path) => `sh ${path}`,
};

export interface Variant {
  /** The path from the project root. */
  file: string;
  command: string;
}

/** The variants of a directory, or one variant file; files named `_*` are helpers, not variants. */
export async function listVariants(root: string, paths: readonly string[]): Promise<Variant[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(root, path);
    if ((await stat(absolute)).isDirectory()) {
      for (const entry of (await readdir(absolute, { withFileTypes: true })).sort((a, b) =>
        a.name.localeCompare(b.name),
      ))
        if (entry.isFile() && !entry.name.startsWith('_') && !entry.name.startsWith('.'))
          files.push(join(absolute, entry.name));
    } else files.push(absolute);
  }
  const variants: Variant[] = [];
  for (const absolute of files) {
    const file = relative(root, absolute).split(sep).join('/');
    const runner = RUNNERS[extname(file)];
    if (runner) variants.push({ file, command: runner(file) });
    else if (((await stat(absolute)).mode & 0o111) !== 0) variants.push({ file, command: `./${file}` });
  }
  return variants;
}

export interface VariantsRequest {
  root: string;
  specs: string[];
  variants: readonly Variant[];
  criterion?: string;
  concurrency: number;
  /** Stop each variant's run at its first failing criterion. */
  bail: boolean;
  onJudged?: (wrong: WrongImplementation) => void;
}

export async function judgeVariants(request: VariantsRequest): Promise<WrongImplementation[]> {
  const results: WrongImplementation[] = new Array(request.variants.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < request.variants.length) {
      const index = next++;
      const variant = request.variants[index]!;
      const judgement = await judge({
        root: request.root,
        specs: request.specs,
        target: variant.command,
        bail: request.bail,
        ...(request.criterion !== undefined ? { criterion: request.criterion } : {}),
      });
      const base = {
        id: variant.file,
        file: variant.file,
        command: variant.command,
        durationMs: judgement.durationMs,
      };
      let wrong: WrongImplementation;
      if (judgement.kind === 'judged') {
        const failed = judgement.verdicts.filter((verdict) => verdict.verdict === 'failed');
        wrong =
          failed.length > 0
            ? { ...base, status: 'killed', killedBy: failed.map((verdict) => verdict.key) }
            : {
                ...base,
                status: 'survived',
                killedBy: [],
                question: `every criterion passes against ${variant.file}: which decision does it get wrong, and which criterion should say so?`,
              };
      } else if (judgement.kind === 'timeout') wrong = { ...base, status: 'timeout', killedBy: [] };
      else wrong = { ...base, status: 'error', killedBy: [], reason: judgement.message };
      results[index] = wrong;
      request.onJudged?.(wrong);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, request.concurrency) }, worker));
  return results;
}
