/**
 * The vacuity check: every executable criterion also runs against built-in implementations that are
 * wrong in the plainest ways (an HTTP server answering 200 `{}` to everything, one answering 500, one
 * that never answers; a CLI that exits 0 printing nothing, one that exits 1). A criterion that passes
 * against one of them checks nothing that implementation lacks: it is reported as vacuous, naming it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedPathFor } from '../compile/index.js';
import type { Spec } from '../ir.js';
import { buildReport } from '../report/collect.js';
import type { VacuityFinding, VacuityReport } from '../report/model.js';
import { runGeneratedSuites } from '../cli/run-vitest.js';
import { verdictsOf } from './judge.js';

export interface WrongBuiltin {
  /** Stable name used in reports, e.g. `http-200-empty`. */
  name: string;
  /** Which targets it stands in for: servers (command, url, module) or CLIs. */
  kind: 'http' | 'cli';
  description: string;
  /** The shell command run as `--target`. */
  command: string;
}

const HTTP_SERVER = fileURLToPath(new URL('./wrong/http-server.mjs', import.meta.url));
const node = (args: string): string =>
  `${JSON.stringify(process.execPath)} ${JSON.stringify(HTTP_SERVER)} ${args}`;

export const WRONG_BUILTINS: readonly WrongBuiltin[] = [
  {
    name: 'http-200-empty',
    kind: 'http',
    description: 'answers 200 `{}` to every request',
    command: node('ok-empty'),
  },
  { name: 'http-500', kind: 'http', description: 'answers 500 to every request', command: node('error-500') },
  {
    name: 'http-silent',
    kind: 'http',
    description: 'accepts every connection and never answers',
    command: node('silent'),
  },
  { name: 'cli-exit-0', kind: 'cli', description: 'exits 0 and prints nothing', command: 'true' },
  { name: 'cli-exit-1', kind: 'cli', description: 'exits 1 and prints nothing', command: 'false' },
];

/** A request to a server that never answers gives up after this long (instead of 10 s). */
const SILENT_SEND_TIMEOUT_MS = 1000;

export function wrongBuiltinsFor(spec: Spec): WrongBuiltin[] {
  const kind = spec.config.target.kind === 'cli' ? 'cli' : 'http';
  return WRONG_BUILTINS.filter((wrong) => wrong.kind === kind);
}

function isExecutable(spec: Spec): boolean {
  return spec.sections.some((section) => section.criteria.some((criterion) => criterion.check !== undefined));
}

export interface VacuityOptions {
  root: string;
  strict: boolean;
  /** The runtime env of the gate's own run (root, seed, runs). */
  env: Record<string, string>;
}

/**
 * Runs the suites against each built-in wrong implementation: one vitest run per implementation, over
 * every spec whose target it stands in for (starting vitest costs more than judging a criterion).
 */
export async function checkVacuity(specs: readonly Spec[], options: VacuityOptions): Promise<VacuityReport> {
  const started = performance.now();
  const findings: VacuityFinding[] = [];
  const judged: Record<string, string[]> = {};
  const executable = specs.filter(isExecutable);
  for (const wrong of WRONG_BUILTINS) {
    const standIns = executable.filter((spec) => wrongBuiltinsFor(spec).includes(wrong));
    if (standIns.length === 0) continue;
    const run = await runGeneratedSuites({
      root: options.root,
      files: standIns.map((spec) => join(options.root, generatedPathFor(spec))),
      quiet: true,
      env: {
        ...options.env,
        SPECGATE_TARGET: wrong.command,
        // A failing property is evidence enough; shrinking it would only cost time.
        SPECGATE_SHRINK_MS: '0',
        SPECGATE_SEND_TIMEOUT_MS: String(SILENT_SEND_TIMEOUT_MS),
      },
    });
    const report = buildReport({
      specs: standIns,
      outcomes: run.outcomes,
      version: '',
      createdAt: new Date(),
      durationMs: run.durationMs,
    });
    for (const spec of standIns) (judged[spec.file] ??= []).push(wrong.name);
    for (const verdict of verdictsOf(report)) {
      if (verdict.verdict !== 'passed') continue;
      findings.push({
        key: verdict.key,
        file: verdict.spec,
        line: verdict.line,
        criterion: verdict.id,
        implementation: wrong.name,
        message: `${verdict.id} passes against ${wrong.name}, a wrong implementation that ${wrong.description}: it checks nothing that implementation lacks`,
      });
    }
  }
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { strict: options.strict, judged, findings, durationMs: performance.now() - started };
}
