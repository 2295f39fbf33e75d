/**
 * `run`: one CLI invocation. The command runs from the project root (as a server's does);
 * `files` are written to the run's scratch directory, which templates see as `scratch`.
 */
import { lstat, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, join, relative as relativePath, resolve, sep } from 'node:path';
import type { Place, RunStep } from '../../ir.js';
import { evaluateString } from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import { formatMismatch, matchCliRun } from '../match/index.js';
import type { RunState } from './context.js';

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Keeps spec-given file names inside the scratch directory, links included: the parser refuses
 * names that leave it as written, but the program under test can leave a link behind
 * (`out -> /etc`). The part of the name that exists is resolved through its links and must
 * stay inside; a dangling link is refused, as writing through it would land anywhere.
 */
async function scratchPath(root: string, name: string, place: Place): Promise<string> {
  const outside = (): StepFailure =>
    new StepFailure(place, `file \`${name}\` is outside the scratch directory of the run`);
  if (name.includes('\0')) throw outside();
  const realRoot = await realpath(root);
  const target = resolve(realRoot, name);
  if (!isInside(realRoot, target)) throw outside();
  let existing = target;
  while (isInside(realRoot, existing) && existing !== realRoot) {
    try {
      const real = await realpath(existing);
      const full = join(real, relativePath(existing, target));
      if (!isInside(realRoot, full)) throw outside();
      return full;
    } catch (error) {
      if (!isMissing(error)) throw error;
      const link = await lstat(existing).catch(() => undefined);
      if (link?.isSymbolicLink()) throw outside();
      existing = dirname(existing);
    }
  }
  return target;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

export async function executeRun(state: RunState, step: RunStep): Promise<void> {
  const runCli = state.env.runCli;
  if (!runCli) throw new StepFailure(step.place, 'run: the target is not a cli target');
  const scope = { ...state.scope, scratch: state.scratchDir };
  for (const [relative, template] of Object.entries(step.files ?? {})) {
    const path = await scratchPath(state.scratchDir, relative, step.place);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, await evaluateString(template, scope));
  }
  const args = await Promise.all(step.args.map((arg) => evaluateString(arg, scope)));
  const env: Record<string, string> = { ...state.env.targetEnv };
  for (const [name, template] of Object.entries(step.env ?? {}))
    env[name] = await evaluateString(template, scope);
  const stdin = step.stdin === undefined ? undefined : await evaluateString(step.stdin, scope);
  const timeoutMs = state.criterion.check?.timeout ?? state.env.config.timeout;
  const result = await runCli({ args, stdin, env, cwd: state.scratchDir, timeoutMs });
  const files: Record<string, string | undefined> = {};
  for (const relative of Object.keys(step.expect?.files ?? {})) {
    files[relative] = await readIfPresent(await scratchPath(state.scratchDir, relative, step.place));
  }
  if (step.save) {
    let json: unknown;
    try {
      json = JSON.parse(result.stdout);
    } catch {
      json = undefined;
    }
    state.scope[step.save] = { ...result, exit: result.exitCode, json, files };
  }
  if (!step.expect) return;
  const mismatches = await matchCliRun({ ...result, files }, step.expect, scope);
  if (mismatches.length > 0) {
    throw new StepFailure(step.place, `run ${args.join(' ')}: the result does not match`, [
      ...mismatches.map(formatMismatch),
      `stdout: ${JSON.stringify(result.stdout.slice(-500))}`,
      `stderr: ${JSON.stringify(result.stderr.slice(-500))}`,
    ]);
  }
}
