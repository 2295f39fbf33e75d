/** Polling a just-started server until it answers, giving up if its process exits. */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GroupProcess } from '../process/index.js';

const POLL_MS = 25;

/** `probe` resolves undefined when the server answers, else the problem it met. */
export async function waitForServer(
  what: string,
  child: GroupProcess,
  probe: () => Promise<string | undefined>,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let problem = 'not tried yet';
  while (child.exitStatus() === undefined) {
    const found = await probe();
    if (found === undefined) return;
    problem = found;
    if (performance.now() >= deadline) {
      await child.kill();
      throw new Error(`${what} did not answer within ${timeoutMs} ms (last: ${problem}).\n${tail(child)}`);
    }
    await sleep(POLL_MS);
  }
  const exit = await child.exited;
  await child.kill();
  const how = exit.error
    ? `could not start: ${exit.error.message}`
    : `exited (${exit.signal ?? `code ${exit.code}`})`;
  throw new Error(`${what} ${how} before it was ready.\n${tail(child)}`);
}

function tail(child: GroupProcess): string {
  const lines = child.recentLines(20);
  return `Last ${lines.length} output lines:\n${lines.map((line) => `  | ${line}`).join('\n') || '  (no output)'}`;
}
