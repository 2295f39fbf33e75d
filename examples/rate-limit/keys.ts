import type { KeyFor } from './types.js';

/** One budget per user, shared by every route. */
export const userKey: KeyFor = (user) => `rl:${user.id}`;
