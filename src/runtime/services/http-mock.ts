/**
 * An HTTP upstream on a loopback port: a mockttp server whose answers come from the spec's
 * rules (RuleBook) and whose faults are mockttp rules of a higher priority, one priority
 * level each (so a fault's matcher runs once per call, and the newest fault wins).
 * mockttp keeps no state of ours: counters live here and the rule list is rebuilt on change.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Readable } from 'node:stream';
import {
  completionCheckers,
  getLocal,
  matchers,
  requestSteps,
  type CompletedRequest,
  type Mockttp,
  type RequestRuleData,
} from 'mockttp';
import type { HttpMock } from '../../ir.js';
import { parseJsonBody } from '../driver/index.js';
import type { HttpFaultSpec, HttpUpstream, UpstreamCall } from '../types.js';
import { compilePath, RuleBook } from './http-rules.js';

interface ActiveFault {
  spec: HttpFaultSpec;
  remaining: number;
  selects: (path: string) => Record<string, string> | undefined;
  /** Decisions by request id: rules sharing the fault's priority all ask, the first asker decides. */
  decided: Map<string, boolean>;
  /** close_mid_body: each call consumes one stream rule; this many are kept ready. */
  streams: number;
}

const FAULT_PRIORITY_BASE = 10;
const STREAM_POOL = 16;
/** What close_mid_body announces, and the part of it sent before the connection closes. */
const TRUNCATED_BODY = '{"id":"ch_truncated","status":"succeeded","amount_cents":100,"currency":"USD"}';

export interface HttpMockServer extends HttpUpstream {
  readonly port: number;
  /** Calls forgotten, rule counters back to zero, faults removed. */
  reset(): Promise<void>;
  /** Stops listening (a killed upstream); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startHttpMock(
  config: HttpMock,
  vars: Record<string, unknown>,
): Promise<HttpMockServer> {
  const book = new RuleBook(config.rules, config.otherwise, vars);
  let calls: UpstreamCall[] = [];
  let faults: ActiveFault[] = [];
  let random: () => number = Math.random;
  let server: Mockttp | undefined;
  let port = 0;

  const toCall = async (request: CompletedRequest): Promise<UpstreamCall> => {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers))
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const text = (await request.body.getText()) ?? '';
    const body = text === '' ? undefined : (parseJsonBody(text, headers['content-type']) ?? text);
    return {
      method: request.method.toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      ...(body !== undefined ? { body } : {}),
      text,
      at: request.timingEvents.startTimestamp,
    };
  };

  const answer = async (request: CompletedRequest) => {
    const rendered = await book.answer(await toCall(request));
    if (rendered.delay > 0) await sleep(rendered.delay);
    return { statusCode: rendered.status, headers: rendered.headers, body: rendered.body };
  };

  const selects = (fault: ActiveFault, request: CompletedRequest): boolean => {
    const known = fault.decided.get(request.id);
    if (known !== undefined) return known;
    const selected = decide(fault, request);
    fault.decided.set(request.id, selected);
    if (fault.decided.size > 1000) fault.decided.delete(fault.decided.keys().next().value!);
    // A consumed stream rule is complete: rebuild so the pool is full again.
    if (selected && fault.spec.type === 'close_mid_body') setImmediate(() => void apply());
    return selected;
  };

  const decide = (fault: ActiveFault, request: CompletedRequest): boolean => {
    if (fault.remaining <= 0) return false;
    if (fault.spec.method !== undefined && fault.spec.method !== request.method.toUpperCase()) return false;
    if (!fault.selects(new URL(request.url).pathname)) return false;
    if (random() >= fault.spec.toxicity) return false;
    fault.remaining--;
    return true;
  };

  const faultSteps = (fault: ActiveFault): RequestRuleData['steps'] => {
    const { spec } = fault;
    switch (spec.type) {
      case 'latency':
        return [new requestSteps.DelayStep(spec.delay ?? 0), new requestSteps.CallbackStep(answer)];
      case 'no_answer':
        return [new requestSteps.TimeoutStep()];
      case 'reset':
        return [new requestSteps.ResetConnectionStep()];
      case 'close_mid_body':
        return [
          new requestSteps.StreamStep(spec.status ?? 200, truncatedStream(), {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(TRUNCATED_BODY)),
          }),
        ];
      case 'status': {
        const status = spec.status ?? 503;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (spec.retryAfter !== undefined) headers['retry-after'] = String(spec.retryAfter);
        return [
          new requestSteps.FixedResponseStep(
            status,
            undefined,
            JSON.stringify({ error: status === 429 ? 'rate_limited' : 'unavailable' }),
            headers,
          ),
        ];
      }
      case 'malformed_json':
        return [
          new requestSteps.FixedResponseStep(spec.status ?? 200, undefined, '{"id": "ch_', {
            'content-type': 'application/json',
          }),
        ];
    }
  };

  const rules = (): RequestRuleData[] => {
    const built: RequestRuleData[] = faults.flatMap((fault, index): RequestRuleData[] => {
      const priority = FAULT_PRIORITY_BASE + index;
      const matcher = new matchers.CallbackMatcher((request) => selects(fault, request));
      if (fault.spec.type !== 'close_mid_body')
        return [
          {
            priority,
            matchers: [matcher],
            steps: faultSteps(fault),
            completionChecker: new completionCheckers.Always(),
          },
        ];
      // A stream can be sent once: one rule per call, each complete after it, refilled as they go.
      return Array.from({ length: fault.streams }, () => ({
        priority,
        matchers: [matcher],
        steps: faultSteps(fault),
        completionChecker: new completionCheckers.NTimes(1),
      }));
    });
    built.push({
      matchers: [new matchers.WildcardMatcher()],
      steps: [new requestSteps.CallbackStep(answer)],
      completionChecker: new completionCheckers.Always(),
    });
    return built;
  };

  const apply = async (): Promise<void> => {
    if (server) await server.setRequestRules(...rules());
  };

  const listen = async (): Promise<void> => {
    const started = getLocal({ recordTraffic: false, maxBodySize: 10 * 1024 * 1024 });
    await started.start(port === 0 ? undefined : port);
    port = started.port;
    await started.on('request', (request) => {
      void toCall(request).then((call) => calls.push(call));
    });
    server = started;
    await apply();
  };

  await listen();
  return {
    get port() {
      return port;
    },
    calls: () => calls,
    async addFault(spec, draw) {
      random = draw;
      faults = faults.filter((fault) => fault.spec.name !== spec.name);
      faults.push({
        spec,
        remaining: spec.times ?? Number.POSITIVE_INFINITY,
        selects: spec.path === undefined ? () => ({}) : compilePath(spec.path),
        decided: new Map(),
        streams: Math.min(spec.times ?? STREAM_POOL, STREAM_POOL),
      });
      await apply();
    },
    async removeFault(name) {
      faults = faults.filter((fault) => fault.spec.name !== name);
      await apply();
    },
    faults: () => faults.map((fault) => fault.spec),
    async reset() {
      calls = [];
      faults = [];
      book.reset();
      await apply();
    },
    async stop() {
      const running = server;
      server = undefined;
      await running?.stop();
    },
    async start() {
      if (!server) await listen();
    },
  };
}

/** Half of the announced body, then an error: mockttp destroys the connection mid-body. */
function truncatedStream(): Readable {
  const half = TRUNCATED_BODY.slice(0, Math.floor(TRUNCATED_BODY.length / 2));
  let sent = false;
  return new Readable({
    read() {
      if (sent) {
        this.destroy(new Error('connection closed mid-body (fault close_mid_body)'));
        return;
      }
      sent = true;
      this.push(half);
    },
  });
}
