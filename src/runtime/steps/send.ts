/** `send`: HTTP requests to the target, with repeat, concurrency, expectations, tally and save. */
import type { SendStep } from '../../ir.js';
import { evaluateNumber, evaluateString, evaluateTemplateValue } from '../expr/index.js';
import type { Scope } from '../expr/index.js';
import { StepFailure } from '../failure/index.js';
import { formatMismatch, matchResponse, matchValue } from '../match/index.js';
import type { HttpRequest, HttpResponse, RequestEntry } from '../types.js';
import { actorHeaders, resolveActor } from './actors.js';
import type { ResolvedActor } from './actors.js';
import type { RunState } from './context.js';

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

function toSaved(entry: RequestEntry): SavedResponse {
  const { sentAt, receivedAt } = entry;
  const latency = receivedAt - sentAt;
  if (!entry.response) return { latency, sentAt, receivedAt, error: entry.error };
  const { status, headers, text, json } = entry.response;
  return { status, headers, body: json === undefined ? text : json, text, latency, sentAt, receivedAt };
}

async function sendOne(
  state: RunState,
  step: SendStep,
  index: number,
  actor: ResolvedActor | undefined,
  headers: Record<string, string>,
): Promise<{ entry: RequestEntry; problems: string[] }> {
  const scope = { ...state.scope, index };
  const instance = await chooseInstance(state, step, scope);
  const request = await buildRequest(step, scope, headers);
  const target = state.env.target!.instances[instance]!;
  const timeoutMs = state.criterion.check?.timeout ?? state.env.config.timeout;
  const sentAt = state.history.now();
  let response: HttpResponse | undefined;
  let error: string | undefined;
  try {
    response = await target.send(request, { timeoutMs });
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const receivedAt = state.history.now();
  const entry = state.history.recordRequest({
    step: step.label,
    instance,
    actor: actor ? { name: actor.name, identity: actor.identity, params: actor.params } : undefined,
    request,
    sentAt,
    receivedAt,
    response,
    error,
  });
  const problems: string[] = [];
  const where = `${request.method} ${request.path}${step.repeat !== undefined ? ` (index ${index})` : ''}`;
  if (!response) {
    if (step.expect || step.tally)
      problems.push(`${where}: expected a response but the request failed: ${error}`);
  } else if (step.expect) {
    // Expectations may refer to the response they judge (e.g. its timing) as `response`.
    const mismatches = await matchResponse({ ...response, latency: receivedAt - sentAt }, step.expect, {
      ...scope,
      response: toSaved(entry),
    });
    for (const mismatch of mismatches) problems.push(`${where}: ${formatMismatch(mismatch)}`);
  }
  return { entry, problems };
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
  const results = await runPool(repeat, step.concurrency ?? 1, (index) =>
    sendOne(state, step, index, actor, headers),
  );
  const entries = results.map((result) => result.entry);
  const problems = results.flatMap((result) => result.problems);
  const failedResponses = problems.length;
  problems.push(...(await checkTally(step, entries, state.scope)));

  if (step.save) {
    const last = entries.at(-1);
    const saved = last ? toSaved(last) : undefined;
    state.scope[step.save] = { ...saved, all: entries.map(toSaved) };
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
