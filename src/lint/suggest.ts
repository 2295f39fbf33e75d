/**
 * `lint --suggest`: a starting yaml block for a criterion that has none, built from phrases
 * it recognises in the prose, as cucumber prints snippets for undefined steps. The result is
 * a start for a human to finish, never a check written on their behalf.
 */
import { stringify } from 'yaml';
import type { Criterion, Spec } from '../ir.js';

const REQUEST = /\b(GET|POST|PUT|PATCH|DELETE|HEAD)\s+(\/[^\s`'",;)]*)/;
const STATUS =
  /\b(?:returns?|answers?|responds?|gets?|is|are|with|fails?\s+with|rejected\s+with)\s+(?:an?\s+|with\s+|status\s+)?(\d{3})\b/i;
const WITHIN =
  /\b(answers?|responds?|returns?)?(?:\s+\d{3})?\s*within\s+(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|seconds?|m|min|minutes?)\b/i;
const HEADER = /\bwith\s+an?\s+([A-Za-z][\w-]*)\s+header\b/i;
const WHOLE_FILE = /\brejects?\s+the\s+whole\s+file\b|\bthe\s+whole\s+file\s+is\s+rejected\b/i;
const LOGS = /\blogs?\s+an?\s+(warning|warn|error|info)\b/i;
const EXIT = /\bexits?\s+(?:with\s+)?(?:code\s+|status\s+)?(\d+)\b/i;
const JSON_BODY = /\{[^{}]*\}/g;

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
};

/** A yaml block (without fences) for `criterion`, or undefined when no phrase is recognised. */
export function suggestCheck(criterion: Criterion, spec: Spec): string | undefined {
  const prose = criterion.prose;
  const expect: Record<string, unknown> = {};
  const after: Array<Record<string, unknown>> = [];
  const comments: string[] = [];

  const status = STATUS.exec(prose);
  if (status) expect['status'] = Number(status[1]);
  const header = HEADER.exec(prose);
  if (header) expect['headers'] = { [header[1]!.toLowerCase()]: { $present: true } };
  const body = jsonBody(prose);
  if (body !== undefined) expect['body'] = body;
  if (WHOLE_FILE.test(prose)) {
    expect['status'] ??= { $gte: 400, $lt: 500 };
    comments.push('# "rejects the whole file": also check that nothing was stored (an `expect sql` step).');
  }
  const within = WITHIN.exec(prose);
  const withinMs = within ? Number(within[2]) * (UNIT_MS[within[3]!.toLowerCase()] ?? 1) : undefined;
  // "answers within 500 ms" bounds one response; "is allowed again within 60s" is eventual.
  if (within && within[1] && withinMs !== undefined) expect['latency'] = { $lte: withinMs };
  const logs = LOGS.exec(prose);
  if (logs)
    after.push({
      'expect log': { level: logs[1]!.toLowerCase() === 'warning' ? 'warn' : logs[1]!.toLowerCase() },
    });

  const exit = EXIT.exec(prose);
  let action: Record<string, unknown>;
  if (spec.config.target.kind === 'cli') {
    action = { run: [], ...(exit ? { expect: { exit: Number(exit[1]) } } : {}) };
    if (!exit && Object.keys(expect).length === 0 && after.length === 0) return undefined;
  } else {
    if (Object.keys(expect).length === 0 && after.length === 0 && !(within && withinMs !== undefined))
      return undefined;
    const request =
      REQUEST.exec(prose) ?? REQUEST.exec(spec.sections.find((s) => s.kind === 'io')?.text ?? '');
    const identity = Object.keys(spec.config.identities)[0];
    action = {
      send: request ? `${request[1]} ${request[2]}` : 'GET /',
      ...(identity ? { as: identity } : {}),
      ...(Object.keys(expect).length > 0 ? { expect } : {}),
    };
  }

  const steps =
    within && !within[1] && withinMs !== undefined
      ? [{ eventually: [action], within: `${withinMs}ms`, every: '100ms' }, ...after]
      : [action, ...after];
  return [...comments, stringify({ steps }, { flow: false }).trimEnd()].join('\n');
}

/** The first `{...}` in the prose that is JSON, e.g. `{"error":"rate_limited"}`. */
function jsonBody(prose: string): unknown {
  for (const match of prose.matchAll(JSON_BODY)) {
    try {
      return JSON.parse(match[0]) as unknown;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Suggestions for every criterion without a yaml block, by id. */
export function suggestChecks(spec: Spec): Record<string, string> {
  const suggestions: Record<string, string> = {};
  for (const criterion of spec.sections.flatMap((section) => section.criteria)) {
    if (criterion.check) continue;
    const suggestion = suggestCheck(criterion, spec);
    if (suggestion !== undefined) suggestions[criterion.id] = suggestion;
  }
  return suggestions;
}
