/**
 * Jepsen-style check of a sliding-window limiter over a recorded history.
 *
 * The server decided each request at an unknown moment inside its
 * [sentAt, receivedAt] interval. For a request r, an earlier allowed request q
 * surely counts in r's window when q surely came first (q.receivedAt <= r.sentAt)
 * and surely lies inside it (q.sentAt > r.receivedAt - W + tolerance); it may
 * count when some choice of decision times (widened by the tolerance) puts it
 * there. r is judged only when every possible count gives the same verdict.
 */
import type { RollingWindowInvariant } from '../../ir.js';
import { evaluateCondition, evaluateNumber } from '../expr/index.js';
import type { Scope } from '../expr/index.js';
import type { RequestEntry } from '../types.js';
import type { InvariantViolation } from './types.js';

const DEFAULT_ALLOWED = 'response.status = 200';
const DEFAULT_REJECTED = 'response.status = 429';
const MAX_DETAILS = 5;

interface Classified {
  entry: RequestEntry;
  key: string;
  allowed: boolean;
  /** The limit that applies to this request (it may depend on the request, e.g. the user's plan). */
  limit: number;
}

async function classify(
  entries: readonly RequestEntry[],
  invariant: RollingWindowInvariant,
  scope: Scope,
): Promise<Classified[]> {
  const result: Classified[] = [];
  for (const entry of entries) {
    if (!entry.response) continue;
    // The entry's fields (request, response, actor) over the criterion's scope (vars, lets…).
    const input: Scope = { ...scope, ...(entry as unknown as Scope) };
    const allowed = (await evaluateCondition(invariant.allowed ?? DEFAULT_ALLOWED, input)) === true;
    const rejected =
      !allowed && (await evaluateCondition(invariant.rejected ?? DEFAULT_REJECTED, input)) === true;
    if (!allowed && !rejected) continue;
    const key = await evaluateCondition(invariant.key, input);
    if (key === undefined || key === null) continue;
    const limit = await evaluateNumber(invariant.limit, input, 'rolling-window limit');
    result.push({ entry, key: typeof key === 'string' ? key : JSON.stringify(key), allowed, limit });
  }
  return result;
}

/** Bounds on how many allowed requests of `others` fall in r's window, over all possible decision times. */
export function windowCount(
  r: RequestEntry,
  others: readonly RequestEntry[],
  window: number,
  tolerance: number,
): { sure: number; possible: number } {
  let sure = 0;
  let possible = 0;
  for (const q of others) {
    if (q === r) continue;
    const surelyBefore = q.receivedAt <= r.sentAt;
    const surelyInside = q.sentAt > r.receivedAt - window + tolerance;
    const maybeBefore = q.sentAt <= r.receivedAt;
    const maybeInside = q.receivedAt > r.sentAt - window - tolerance;
    if (surelyBefore && surelyInside) sure++;
    if (maybeBefore && maybeInside) possible++;
  }
  return { sure, possible };
}

function describe(entry: RequestEntry, startedAt: number): string {
  const who = entry.actor ? ` as ${entry.actor.name}` : '';
  const sent = (entry.sentAt - startedAt).toFixed(1);
  const took = (entry.receivedAt - entry.sentAt).toFixed(1);
  return `#${entry.seq} ${entry.request.method} ${entry.request.path}${who} (sent at +${sent} ms, took ${took} ms) → ${entry.response?.status}`;
}

export async function checkRollingWindow(
  invariant: RollingWindowInvariant,
  entries: readonly RequestEntry[],
  scope: Scope,
  startedAt: number,
): Promise<InvariantViolation | undefined> {
  const window = await evaluateNumber(invariant.window, scope, 'rolling-window window');
  const classified = await classify(entries, invariant, scope);
  const allowedByKey = new Map<string, RequestEntry[]>();
  for (const item of classified) {
    if (!item.allowed) continue;
    const list = allowedByKey.get(item.key) ?? [];
    list.push(item.entry);
    allowedByKey.set(item.key, list);
  }
  const details: string[] = [];
  let violations = 0;
  const limits = new Set<number>();
  for (const { entry, key, allowed, limit } of classified) {
    limits.add(limit);
    const { sure, possible } = windowCount(entry, allowedByKey.get(key) ?? [], window, invariant.tolerance);
    const mustReject = sure >= limit;
    const mustAllow = possible < limit;
    if (allowed && mustReject) {
      violations++;
      details.push(
        `${describe(entry, startedAt)}: allowed, but at least ${sure} allowed requests of key ${JSON.stringify(key)} fall in the preceding ${window} ms (limit ${limit})`,
      );
    } else if (!allowed && mustAllow) {
      violations++;
      details.push(
        `${describe(entry, startedAt)}: rejected, but at most ${possible} allowed requests of key ${JSON.stringify(key)} fall in the preceding ${window} ms (limit ${limit})`,
      );
    }
  }
  if (violations === 0) return undefined;
  return {
    invariant,
    summary: `rolling-window (limit ${[...limits].join(' or ')} per ${window} ms, tolerance ${invariant.tolerance} ms): ${violations} of ${classified.length} judged requests contradict a sliding window`,
    details: details.slice(0, MAX_DETAILS),
  };
}
