import type { Authenticate, Plan } from './types.js';

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PLANS: readonly Plan[] = ['free', 'paid'];

/** Trusts the upstream auth layer's headers, but only when they are well-formed. */
export const authenticateFromHeaders: Authenticate = (headers) => {
  const id = headers['x-user-id'];
  const plan = headers['x-user-plan'];
  if (typeof id !== 'string' || !USER_ID.test(id)) return undefined;
  if (!isPlan(plan)) return undefined;
  return { id, plan };
};

function isPlan(value: unknown): value is Plan {
  return typeof value === 'string' && (PLANS as readonly string[]).includes(value);
}
