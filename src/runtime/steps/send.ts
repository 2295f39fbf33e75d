/** `send`: HTTP requests to the target, with repeat, concurrency, expectations, tally and save. */
import type { SendStep } from '../../ir.js';
import { evaluateNumber, evaluateString, evaluateTemplateValue } from '../expr/index.js';
import type { Scope } from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import { TransportError } from '../driver/index.js';
import { formatMismatch, matchResponse, matchValue } from '../match/index.js';
import type { HttpRequest, HttpResponse, RequestEntry, TargetInstance } from '../types.js';
import { actorHeaders, resolveActor } from './actors.js';
import type { ResolvedActor } from './actors.js';
import type { RunState } from './context.js';
import { beginObservation, checkObservation, describeFaultsInForce, observesRequests } from './observe.js';

/** What `save` keeps of a response (docs/spec-format.md, "Saved values"). */
export interface SavedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  text?: string;
  latency: number;
  /** `performance.now()` when the request was sent and when its response arrived (see `$clock()`). */
  sentAt: number;
  receivedAt: number;
  error?: string;
  /** The path that gave this response (after redirects, when followed). */
  path: string;
  /** Redirects followed on the way, in order. */
  redirects?: Array<{ status: number; location: string }>;
}

const MAX_REPORTED = 5;

async function chooseInstance(state: RunState, step: SendStep, scope: Scope): Promise<number> {
  const instances = state.env.target?.instances.length ?? 0;
  if (instances === 0) throw new StepFailure(step.place, 'send: this target has no HTTP instances');
  const choice = step.instance ?? 'round-robin';
  if (choice === 'round-robin') return state.counters.roundRobin++ % instances;
  if (choice === 'random') return Math.floor(state.random() * instances);
  const index = await evaluateNumber(choice, scope, 'send instance');
  if (!Number.isInteger(index) || index < 0 || index >= instances) {
    throw new StepFailure(step.place, `send: instance ${index} does not exist (the target has ${instances})`);
  }
  return index;
}

async function buildRequest(
  step: SendStep,
  scope: Scope,
  actorHeadersValue: Record<string, string>,
): Promise<HttpRequest> {
  const headers: Record<string, string> = { ...actorHeadersValue };
  let body: string | undefined;
  if (step.body && 'json' in step.body) {
    body = JSON.stringify(await evaluateTemplateValue(step.body.json, scope));
    headers['content-type'] = 'application/json';
  } else if (step.body) {
    body = await evaluateString(step.body.text, scope);
    headers['content-type'] = step.body.contentType ?? 'text/plain; charset=utf-8';
  }
  for (const [name, template] of Object.entries(step.headers ?? {})) {
    headers[name.toLowerCase()] = await evaluateString(template, scope);
  }
  const lowered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lowered[name.toLowerCase()] = value;
  return {
    method: step.method.toUpperCase(),
    path: await evaluateString(step.path, scope),
    headers: lowered,
    body,
  };
}

function toSaved(entry: RequestEntry, redirects: SavedResponse['redirects'] = []): SavedResponse {
  const { sentAt, receivedAt } = entry;
  const latency = receivedAt - sentAt;
  const path = entry.request.path;
  const hops = redirects.length > 0 ? { redirects } : {};
  if (!entry.response) return { latency, sentAt, receivedAt, error: entry.error, path, ...hops };
  const { status, headers, text, json } = entry.response;
  return {
    status,
    headers,
    body: json === undefined ? text : json,
    text,
    latency,
    sentAt,
    receivedAt,
    path,
    ...hops,
  };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The request a redirect asks for, as a browser would make it (303, and 301/302 after a POST,
 * become a GET without body), or a reason it is not followed: a `Location` off the target's
 * origin cannot be sent to the implementation under test.
 */
function redirectRequest(
  instance: TargetInstance,
  request: HttpRequest,
  response: HttpResponse,
): HttpRequest | string | undefined {
  const location = response.headers['location'];
  if (!REDIRECT_STATUSES.has(response.status) || location === undefined) return undefined;
  const base = new URL(instance.baseUrl ?? 'http://target.invalid');
  const prefix = base.pathname.replace(/\/$/, '');
  const next = new URL(location, `${base.origin}${prefix}${request.path}`);
  if (next.origin !== base.origin || !next.pathname.startsWith(prefix))
    return `a redirect to ${location} leaves the target (${base.origin}${prefix}): not followed`;
  const becomesGet =
    (response.status === 303 && request.method !== 'HEAD') ||
    ((response.status === 301 || response.status === 302) && request.method === 'POST');
  const headers = { ...request.headers };
  if (becomesGet) {
    delete headers['content-type'];
    delete headers['content-length'];
  }
  return {
    method: becomesGet ? 'GET' : request.method,
    path: `${next.pathname.slice(prefix.length) || '/'}${next.search}`,
    headers,
    ...(becomesGet || request.body === undefined ? {} : { body: request.body }),
  };
}

async function sendOne(
  state: RunState,
  step: SendStep,
  index: number,
  actor: ResolvedActor | undefined,
  headers: Record<string, string>,
): Promise<{ entry: RequestEntry; saved: SavedResponse; problems: string[] }> {
  const scope = { ...state.scope, index };
  const instance = await chooseInstance(state, step, scope);
  let request = await buildRequest(step, scope, headers);
  const target = state.env.target!.instances[instance]!;
  const deadline =
    step.timeout === undefined ? undefined : await evaluateNumber(step.timeout, scope, 'send timeout');
  const timeoutMs = Math.min(
    deadline ?? state.criterion.check?.timeout ?? state.env.config.timeout,
    sendTimeoutCap(),
  );
  const observing = observesRequests(step.expect);
  const observation = observing ? await beginObservation(state, step.expect?.metric, instance) : undefined;
  const problems: string[] = [];
  const redirects: Array<{ status: number; location: string }> = [];
  const firstSentAt = state.history.now();
  let entry: RequestEntry;
  for (;;) {
    const sentAt = state.history.now();
    let response: HttpResponse | undefined;
    let error: string | undefined;
    try {
      response = await target.send(request, { timeoutMs });
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      if (deadline !== undefined && caught instanceof TransportError && caught.code === 'ETIMEDOUT') {
        error = `no response within the send timeout of ${deadline} ms (faults in force: ${describeFaultsInForce(state)})`;
      }
    }
    const receivedAt = state.history.now();
    entry = state.history.recordRequest({
      step: step.label,
      instance,
      actor: actor ? { name: actor.name, identity: actor.identity, params: actor.params } : undefined,
      request,
      sentAt,
      receivedAt,
      response,
      error,
    });
    if (!response || step.followRedirects === undefined) break;
    const next = redirectRequest(target, request, response);
    if (next === undefined) break;
    if (typeof next === 'string') {
      problems.push(`${request.method} ${request.path}: ${next}`);
      break;
    }
    if (redirects.length >= step.followRedirects) {
      problems.push(`${request.method} ${request.path}: more than ${step.followRedirects} redirects`);
      break;
    }
    redirects.push({ status: response.status, location: response.headers['location']! });
    request = next;
  }
  const saved = toSaved(entry, redirects);
  const { response, error } = entry;
  const where = `${request.method} ${request.path}${step.repeat !== undefined ? ` (index ${index})` : ''}`;
  if (!response) {
    // A deadline is a promise about every request; without one a failed request only fails checks.
    if (step.expect || step.tally || deadline !== undefined)
      problems.push(`${where}: expected a response but the request failed: ${error}`);
  } else if (step.expect) {
    // Expectations may refer to the response they judge (e.g. its timing) as `response`.
    const latency = entry.receivedAt - (redirects.length > 0 ? firstSentAt : entry.sentAt);
    const mismatches = await matchResponse({ ...response, latency }, step.expect, {
      ...scope,
      response: saved,
    });
    for (const mismatch of mismatches) problems.push(`${where}: ${formatMismatch(mismatch)}`);
    if (observation) {
      const observed = await checkObservation(state, { ...observation, from: firstSentAt }, step.expect, {
        ...scope,
        response: saved,
      });
      for (const problem of observed) problems.push(`${where}: ${problem}`);
    }
  }
  return { entry, saved, problems };
}

/** Runs `count` tasks with at most `concurrency` in flight; results in index order. */
async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return results;
}

async function checkTally(step: SendStep, entries: RequestEntry[], scope: Scope): Promise<string[]> {
  if (!step.tally) return [];
  const counts: Record<string, number> = {};
  for (const entry of entries) {
    const key = entry.response ? String(entry.response.status) : 'error';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const problems: string[] = [];
  for (const [status, expected] of Object.entries(step.tally.status)) {
    const mismatches = await matchValue(counts[status] ?? 0, expected, `tally.status.${status}`, {
      subset: false,
      numericStrings: true,
      scope,
    });
    problems.push(...mismatches.map(formatMismatch));
  }
  if (problems.length > 0) problems.push(`responses by status: ${JSON.stringify(counts)}`);
  return problems;
}

export async function executeSend(state: RunState, step: SendStep): Promise<void> {
  const actorName = step.as === undefined ? undefined : await evaluateString(step.as, state.scope);
  const actor = actorName === undefined ? undefined : await resolveActor(state, actorName);
  const headers = actor ? await actorHeaders(state, actor) : {};
  const repeat =
    step.repeat === undefined ? 1 : await evaluateNumber(step.repeat, state.scope, 'send repeat');
  // What one request caused can only be told apart when requests go one at a time.
  const concurrency = observesRequests(step.expect) ? 1 : (step.concurrency ?? 1);
  const results = await runPool(repeat, concurrency, (index) => sendOne(state, step, index, actor, headers));
  const entries = results.map((result) => result.entry);
  const problems = results.flatMap((result) => result.problems);
  const failedResponses = problems.length;
  problems.push(...(await checkTally(step, entries, state.scope)));

  if (step.save) {
    const saved = results.map((result) => result.saved);
    state.scope[step.save] = { ...saved.at(-1), all: saved };
  }
  if (problems.length > 0) {
    const what = `${step.method.toUpperCase()} ${step.path}${repeat > 1 ? ` ×${repeat}` : ''}`;
    const summary =
      failedResponses > 0
        ? `send ${what}: ${failedResponses} response check${failedResponses === 1 ? '' : 's'} failed`
        : `send ${what}: the tally does not match`;
    const shown = problems.slice(0, MAX_REPORTED);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
    throw new StepFailure(step.place, summary, shown);
  }
}

/**
 * SPECGATE_SEND_TIMEOUT_MS caps how long one request may wait: the vacuity check judges a server that
 * never answers, where every request would otherwise wait out the whole run.
 */
function sendTimeoutCap(): number {
  const cap = Number(process.env.SPECGATE_SEND_TIMEOUT_MS);
  return Number.isInteger(cap) && cap > 0 ? cap : Number.POSITIVE_INFINITY;
}
