/** `expect exec`: a command run by the harness to read a service's state, matched like a CLI run. */
import type { ExpectExecStep } from '../../ir.js';
import { evaluateString } from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import { formatMismatch, matchCliRun } from '../match/index.js';
import { runCli, shellQuote } from '../targets/index.js';
import type { RunningService } from '../types.js';
import type { RunState } from './context.js';

/** What templates see of each service: its direct address (not the proxy's). */
function serviceScope(services: ReadonlyMap<string, RunningService>): Record<string, unknown> {
  return Object.fromEntries(
    [...services].map(([name, service]) => {
      const port = Number(/:(\d+)(?:\/|$)/.exec(service.directUrl)?.[1] ?? 0);
      return [name, { url: service.directUrl, host: '127.0.0.1', port }];
    }),
  );
}

export async function executeExpectExec(state: RunState, step: ExpectExecStep): Promise<void> {
  const scope = { ...state.scope, services: serviceScope(state.env.services) };
  const line = Array.isArray(step.run)
    ? (await Promise.all(step.run.map((arg) => evaluateString(arg, scope)))).map(shellQuote).join(' ')
    : await evaluateString(step.run, scope);
  const stdin = step.stdin === undefined ? undefined : await evaluateString(step.stdin, scope);
  const root = process.env.SPECGATE_ROOT ?? process.cwd();
  const result = await runCli(
    { kind: 'cli', command: line, env: {} },
    { args: [], ...(stdin !== undefined ? { stdin } : {}), env: {}, cwd: root, timeoutMs: 10_000 },
  );
  if (step.save) {
    let json: unknown;
    try {
      json = JSON.parse(result.stdout);
    } catch {
      json = undefined;
    }
    state.scope[step.save] = { ...result, exit: result.exitCode, json };
  }
  const mismatches = await matchCliRun({ ...result, files: {} }, step.expect, scope);
  if (mismatches.length > 0) {
    throw new StepFailure(step.place, `expect exec \`${line}\`: the result does not match`, [
      ...mismatches.map(formatMismatch),
      `exit: ${result.exitCode ?? result.signal}`,
      `stdout: ${JSON.stringify(result.stdout.slice(-500))}`,
      `stderr: ${JSON.stringify(result.stderr.slice(-500))}`,
    ]);
  }
}
