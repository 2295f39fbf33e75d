/**
 * Resolves `true` after `ms`, or `false` as soon as `signal` aborts: toxics
 * wait with it so that removing a toxic releases the data it holds at once.
 * libuv timers may fire up to a millisecond early against `performance.now()`
 * (they compare with the loop's cached time), so an early wake-up sleeps on.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (!(ms > 0)) return Promise.resolve(true);
  const deadline = performance.now() + ms;
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout;
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const wake = (): void => {
      const remaining = deadline - performance.now();
      if (remaining > 0) {
        timer = setTimeout(wake, Math.ceil(remaining));
        return;
      }
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    };
    timer = setTimeout(wake, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves once `signal` aborts (a toxic that holds data until it is removed). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
