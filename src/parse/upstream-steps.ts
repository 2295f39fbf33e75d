/** Steps on HTTP upstreams: `fault: { http: … }` and `expect calls`. */
import type { ExpectCallsStep, HttpFault, HttpFaultType, Place, ProtocolFaultStep } from '../ir.js';
import { durationOrTemplate } from './durations.js';
import { readBody, readCount, readMatcherOrValue } from './expectations.js';
import type { StepScope } from './steps.js';
import type { YamlValue } from './yaml-tree.js';

/** Keys an http fault takes beyond `service`, `name`, `toxicity`, `for`, by fault type. */
const HTTP_FAULT_KEYS: Readonly<Record<HttpFaultType, readonly string[]>> = {
  latency: ['delay'],
  no_answer: [],
  reset: [],
  close_mid_body: ['status'],
  status: ['status', 'retry after'],
  malformed_json: ['status'],
};
const COMMON_KEYS = new Set(['service', 'http', 'name', 'toxicity', 'for', 'method', 'path', 'times']);

export type ServiceResolver = (named: YamlValue | undefined, step: YamlValue) => string | undefined;

/** The step around any protocol fault (http, redis, postgres): its service, name, toxicity and `for`. */
export function protocolFaultStep(
  arg: YamlValue,
  fault: ProtocolFaultStep['fault'],
  place: Place,
  resolve: ServiceResolver,
): ProtocolFaultStep {
  const name = arg.get('name')?.string();
  const toxicity = arg.get('toxicity')?.value;
  const forValue = arg.get('for');
  return {
    kind: 'protocol-fault',
    service: resolve(arg.get('service'), arg) ?? '',
    fault,
    place,
    ...(name !== undefined ? { name } : {}),
    ...(typeof toxicity === 'number' ? { toxicity } : {}),
    ...(forValue ? { for: durationOrTemplate(forValue.value) ?? 0 } : {}),
  };
}

export function readHttpFault(
  arg: YamlValue,
  scope: StepScope,
  place: Place,
  resolve: ServiceResolver,
): Omit<ProtocolFaultStep, 'label'> {
  const { reporter } = scope;
  const type = (arg.get('http')?.string() ?? 'status') as HttpFaultType;
  const allowed = HTTP_FAULT_KEYS[type] ?? [];
  for (const [key, entry] of arg.entries()) {
    if (COMMON_KEYS.has(key) || allowed.includes(key)) continue;
    reporter.report(
      'SG3012',
      entry.keyRange(),
      { key, toxic: `http ${type}` },
      { expected: allowed.length > 0 ? `one of: ${allowed.join(', ')}` : `no attributes for http ${type}` },
    );
  }
  const fault: HttpFault = { protocol: 'http', type };
  const method = arg.get('method')?.string();
  const path = arg.get('path')?.string();
  if (method !== undefined || path !== undefined)
    fault.match = {
      ...(method !== undefined ? { method: method.toUpperCase() } : {}),
      ...(path !== undefined ? { path } : {}),
    };
  const times = arg.get('times')?.value;
  if (typeof times === 'number' || typeof times === 'string') fault.times = times;
  const delay = arg.get('delay');
  if (delay) fault.delay = durationOrTemplate(delay.value) ?? 0;
  const status = arg.get('status')?.value;
  if (typeof status === 'number') fault.status = status;
  const retryAfter = arg.get('retry after');
  if (retryAfter) {
    const ms = durationOrTemplate(retryAfter.value);
    // Written as a duration (`2s`) or a number of seconds; the header carries whole seconds.
    if (typeof ms === 'number')
      fault.retryAfter = typeof retryAfter.value === 'number' ? retryAfter.value : Math.round(ms / 1000);
    else if (ms !== undefined) fault.retryAfter = ms;
  }
  return protocolFaultStep(arg, fault, place, resolve);
}

export function readExpectCalls(
  arg: YamlValue,
  scope: StepScope,
  place: Place,
  resolve: ServiceResolver,
): Omit<ExpectCallsStep, 'label'> {
  const { reporter } = scope;
  const step: Omit<ExpectCallsStep, 'label'> = {
    kind: 'expect-calls',
    service: resolve(arg.get('service'), arg) ?? '',
    place,
  };
  const method = arg.get('method')?.string();
  if (method !== undefined) step.method = method.toUpperCase();
  const path = arg.get('path')?.string();
  if (path !== undefined) step.path = path;
  const headers = arg.get('headers');
  if (headers?.isMap())
    step.headers = Object.fromEntries(
      headers.entries().map(([key, v]) => [key.toLowerCase(), readMatcherOrValue(v, reporter) as string]),
    );
  const body = arg.get('body');
  if (body) step.body = readBody(body, reporter);
  const count = arg.get('count');
  if (count) step.count = readCount(count, '"count"', reporter) as number;
  const gaps = arg.get('gaps');
  if (gaps) step.gaps = readMatcherOrValue(gaps, reporter) as number;
  const order = arg.get('order');
  if (order?.isSeq()) step.order = order.items().map((item) => readBody(item, reporter));
  const since = arg.get('since')?.string();
  if (since !== undefined) step.since = since;
  const save = arg.get('save')?.string();
  if (save !== undefined) step.save = save;
  return step;
}
