/** Front matter `services`: which dependencies the harness stands up, and an HTTP upstream's rules. */
import type { CommandServer, HttpAnswer, HttpMock, HttpRule, ServiceConfig, ServiceKind } from '../ir.js';
import { durationMs } from './durations.js';
import { readBody, readMatcherOrValue } from './expectations.js';
import type { Reporter } from './reporter.js';
import { templateMap, templateValue, textOf } from './values.js';
import type { YamlValue } from './yaml-tree.js';

const EXTERNAL_URL = /^(redis|rediss|postgres|postgresql):\/\//;
const SERVICE_KINDS: readonly ServiceKind[] = ['redis', 'postgres', 'http', 'command'];

/** Redis and PostgreSQL keep the names every driver reads; others are `<NAME>_URL`. */
export function defaultServiceEnv(name: string, kind: ServiceKind): string {
  if (kind === 'redis') return 'REDIS_URL';
  if (kind === 'postgres') return 'DATABASE_URL';
  return `${name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}_URL`;
}

export const DEFAULT_OTHERWISE: HttpAnswer = { status: 404, json: { error: 'no_rule' } };

export function readServices(
  value: YamlValue | undefined,
  reporter: Reporter,
): Record<string, ServiceConfig> {
  const services: Record<string, ServiceConfig> = {};
  for (const [name, entry] of value?.entries() ?? []) {
    const http = entry.isMap() ? entry.get('http') : undefined;
    const command = entry.isMap() ? entry.get('command') : undefined;
    const written = entry.isMap() ? entry.get('kind')?.value : entry.value;
    const kind = http ? 'http' : command ? 'command' : written;
    if (entry.isMap() && written === undefined && !http && !command) {
      reporter.report('SG2005', entry.range(), {
        key: 'kind", "http" or "command',
        context: `service "${name}"`,
      });
      continue;
    }
    if (http && command) {
      reporter.report('SG2013', command.keyRange(), { name }, { expected: 'one of: http, command' });
      continue;
    }
    if (!SERVICE_KINDS.includes(kind as ServiceKind)) continue;
    const service: ServiceConfig = {
      kind: kind as ServiceKind,
      env: entry.get('env')?.string() ?? defaultServiceEnv(name, kind as ServiceKind),
    };
    const url = entry.get('url');
    if (url && kind !== 'command') {
      if (!EXTERNAL_URL.test(url.string() ?? ''))
        reporter.report(
          'SG2008',
          url.range(),
          { what: `the url of ${kind} service "${name}"` },
          { expected: 'redis://, rediss://, postgres:// or postgresql://', found: url.string() ?? '' },
        );
      else service.url = url.string()!;
    }
    if (kind === 'http') service.http = readHttpMock(http, reporter);
    if (kind === 'command') service.server = readCommandServer(entry);
    services[name] = service;
  }
  return services;
}

/** `ready` of a command service: `tcp`, `http /path` or `log <text>` (the schema reports anything else). */
function readReady(value: YamlValue | undefined): CommandServer['ready'] {
  const text = value?.string()?.trim() ?? 'tcp';
  const http = /^http\s+(\/\S*)$/.exec(text);
  if (http) return { http: http[1]! };
  const log = /^log\s+(.+)$/.exec(text);
  if (log) return { log: log[1]! };
  return { tcp: true };
}

function readCommandServer(entry: YamlValue): CommandServer {
  const reset = entry.get('reset')?.string();
  return {
    command: entry.get('command')?.string() ?? '',
    ready: readReady(entry.get('ready')),
    readyTimeout: durationMs(entry.get('ready timeout')?.value ?? '10s') ?? 10_000,
    url: entry.get('url')?.string() ?? 'tcp://{{ host }}:{{ port }}',
    ...(reset === undefined ? {} : { reset: reset === 'restart' ? { restart: true as const } : reset }),
  };
}

function readHttpMock(value: YamlValue | undefined, reporter: Reporter): HttpMock {
  const rules = (value?.get('rules')?.items() ?? []).flatMap((rule) => {
    const read = readRule(rule, reporter);
    return read ? [read] : [];
  });
  const otherwise = value?.get('otherwise');
  return { rules, otherwise: (otherwise && readAnswer(otherwise)) ?? DEFAULT_OTHERWISE };
}

function readRule(value: YamlValue, reporter: Reporter): HttpRule | undefined {
  if (!value.isMap()) return undefined;
  const single = value.get('answer');
  const answers = single ? [single] : (value.get('answers')?.items() ?? []);
  if (answers.length === 0) {
    reporter.report('SG2005', value.range(), { key: 'answer" or "answers', context: 'an http rule' });
    return undefined;
  }
  const headers = value.get('headers');
  const body = value.get('body');
  const rule: HttpRule = {
    answers: answers.flatMap((answer) => {
      const read = readAnswer(answer);
      return read ? [read] : [];
    }),
    place: reporter.place(...value.range()),
  };
  const method = value.get('method')?.string();
  if (method !== undefined) rule.method = method.toUpperCase();
  const path = value.get('path')?.string();
  if (path !== undefined) rule.path = path;
  if (headers?.isMap())
    rule.headers = Object.fromEntries(
      headers.entries().map(([name, v]) => [name.toLowerCase(), readMatcherOrValue(v, reporter) as string]),
    );
  if (body) rule.body = readBody(body, reporter);
  return rule;
}

function readAnswer(value: YamlValue): HttpAnswer | undefined {
  if (!value.isMap()) return undefined;
  const status = value.get('status')?.value;
  if (typeof status !== 'number') return undefined;
  const answer: HttpAnswer = { status };
  const headers = templateMap(value.get('headers'), textOf);
  if (headers) answer.headers = headers;
  const json = value.get('json');
  if (json) answer.json = templateValue(json);
  const text = value.get('text')?.string();
  if (text !== undefined) answer.text = text;
  const times = value.get('times')?.value;
  if (typeof times === 'number') answer.times = times;
  const delay = value.get('delay');
  if (delay) {
    const ms = durationMs(delay.value);
    if (ms !== undefined) answer.delay = ms;
  }
  return answer;
}
