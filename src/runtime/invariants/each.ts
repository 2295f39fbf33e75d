/** `each`: a JSONata predicate that must hold for every selected history entry. */
import type { EachInvariant } from '../../ir.js';
import { evaluateCondition } from '../expr/index.js';
import type { Scope } from '../expr/index.js';
import { describeValue } from '../match/index.js';
import type { HistoryEntry } from '../types.js';
import type { InvariantViolation } from './types.js';

const MAX_DETAILS = 5;

function describeEntry(entry: HistoryEntry): string {
  if (entry.type === 'request') {
    const outcome = entry.response ? String(entry.response.status) : `error: ${entry.error ?? 'none'}`;
    return `#${entry.seq} ${entry.request.method} ${entry.request.path} → ${outcome} ${describeValue(entry.response?.json ?? entry.response?.text)}`;
  }
  return entry.type === 'fault'
    ? `#${entry.seq} fault ${entry.service}: ${entry.action}`
    : `#${entry.seq} mark ${entry.name}`;
}

export async function checkEach(
  invariant: EachInvariant,
  history: readonly HistoryEntry[],
): Promise<InvariantViolation | undefined> {
  const bindings = { history };
  const failing: HistoryEntry[] = [];
  let selected = 0;
  for (const entry of history) {
    const input = entry as unknown as Scope;
    const chosen = invariant.where
      ? (await evaluateCondition(invariant.where, input, bindings)) === true
      : entry.type === 'request';
    if (!chosen) continue;
    selected++;
    if ((await evaluateCondition(invariant.holds, input, bindings)) !== true) failing.push(entry);
  }
  if (failing.length === 0) return undefined;
  const what = invariant.message ?? `\`${invariant.holds}\` holds`;
  return {
    invariant,
    summary: `each: expected ${what} for every entry, but it fails for ${failing.length} of ${selected}`,
    details: failing.slice(0, MAX_DETAILS).map(describeEntry),
  };
}
