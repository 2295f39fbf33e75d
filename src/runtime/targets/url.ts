/** URL targets: an implementation already running somewhere; nothing to start or restart. */
import type { UrlTarget } from '../../ir.js';
import { createHttpDriver } from '../driver/index.js';
import type { RunningTarget, StartOptions } from '../types.js';

export function startUrlTarget(config: UrlTarget, options: StartOptions): RunningTarget {
  if (options.instances > 1) {
    throw new Error(
      `a url target (${config.url}) is one running implementation; ${options.instances} instances were asked for`,
    );
  }
  const driver = createHttpDriver(config.url);
  return {
    description: `url: ${config.url}`,
    instances: [
      { index: 0, baseUrl: config.url, send: (request, sendOptions) => driver.send(request, sendOptions) },
    ],
    logs: () => [],
    restart() {
      return Promise.reject(
        new Error(
          `cannot restart a url target (${config.url}): specgate did not start it; use a command target`,
        ),
      );
    },
    assertAlive() {
      // Not ours to watch: a dead server shows up as transport errors on the next request.
    },
    stop: () => driver.close(),
  };
}
