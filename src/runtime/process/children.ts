/**
 * The CLI side of an interrupted run. The runtime lives in vitest's forked workers, children of
 * the CLI in its process group; a signal sent to the CLI alone (`kill <pid>`, a supervisor)
 * reaches none of them, and vitest answers SIGINT / SIGTERM with `process.exit`. So while the
 * suites run, the CLI passes each signal on to its children (each worker then stops its targets
 * and services gracefully, see ownership.ts) and does not exit before they are gone: nothing of
 * the run is left once the CLI has ended. A SIGKILLed CLI cannot wait; its workers notice and
 * kill everything at once (ownership.ts).
 */
import { liveChildren } from './proc-table.js';

/** Above a worker's own bound (its targets' stop grace, then SIGKILL); after it children are SIGKILLed. */
const CHILDREN_EXIT_WAIT_MS = 10_000;
const POLL_MS = 20;
const forwardedSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function signalChildren(signal: NodeJS.Signals): number[] {
  const children = liveChildren(process.pid);
  for (const pid of children) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
  return children;
}

/** Sleeps without the event loop: an 'exit' listener can only wait synchronously. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

async function waitChildrenGone(): Promise<void> {
  const deadline = Date.now() + CHILDREN_EXIT_WAIT_MS;
  while (liveChildren(process.pid).length > 0) {
    if (Date.now() >= deadline) {
      signalChildren('SIGKILL');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Until the returned function is called: signals are passed on to the children, and the
 * process does not end before they have (asking them with SIGTERM if no signal did).
 */
export function holdExitForChildren(): () => void {
  let forwarded = false;
  const release = (): void => {
    for (const name of forwardedSignals) process.removeListener(name, onSignal);
    process.removeListener('exit', onExit);
  };
  function onSignal(signal: NodeJS.Signals): void {
    forwarded = true;
    signalChildren(signal);
    // vitest ends the process on SIGINT / SIGTERM once it listens (then onExit waits); before
    // that, or for SIGHUP, this listener is alone and must end it, the way the signal would.
    if (process.listenerCount(signal) > 1) return;
    release();
    void waitChildrenGone().then(() => process.kill(process.pid, signal));
  }
  function onExit(): void {
    if (!forwarded && signalChildren('SIGTERM').length === 0) return;
    const deadline = Date.now() + CHILDREN_EXIT_WAIT_MS;
    while (liveChildren(process.pid).length > 0) {
      if (Date.now() >= deadline) {
        signalChildren('SIGKILL');
        return;
      }
      sleepSync(POLL_MS);
    }
  }
  // Before vitest's own listeners (added when it starts), so the children hear first.
  for (const name of forwardedSignals) process.prependListener(name, onSignal);
  process.on('exit', onExit);
  return release;
}
