import type { RetryAfter } from './types.js';

/** Time until the oldest counted request leaves the window, rounded up, within [1, ceil(W / 1000)]. */
export const secondsUntilOldestExpires: RetryAfter = ({ nowMs, oldestMs }, windowMs) => {
  const seconds = Math.ceil((oldestMs + windowMs - nowMs) / 1000);
  return Math.min(Math.max(seconds, 1), Math.ceil(windowMs / 1000));
};
