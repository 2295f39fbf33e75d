import type { PlanLimits } from './types.js';

export const PLAN_LIMITS: PlanLimits = { free: 60, paid: 600 };
