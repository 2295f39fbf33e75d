import { BlockBook, expandBlockUse, isBlockUse } from './blocks.js';
import type { Place, ServiceKind, ServiceStep, Step, Tally, Template } from '../ir.js';
import { isToxicType, toxicDeclaration, type ToxicAttribute, type ToxicType } from '../toxics.js';
import type { KnownNames } from './config.js';
import { durationMs, durationOrTemplate, isTemplate } from './durations.js';
import {
  readCliExpectation,
  readCount,
  readMatcherOrValue,
  readRedisKeyExpectation,
  readResponseExpectation,
} from './expectations.js';
import { describeValue, didYouMean, type Reporter } from './reporter.js';
import { BLOCK_CODES, definition, validate, type DefinitionName } from './schema.js';
import {
  checkStrings,
  expressionTemplate,
  numberOrTemplate,
  templateMap,
  templateOf,
  templateValue,
  textOf,
} from './values.js';
import { checkScratchPaths } from './scratch-paths.js';
import { readPostgresFault, readRedisFault } from './server-fault-steps.js';
import { readExpectCalls, readHttpFault } from './upstream-steps.js';
import type { YamlValue } from './yaml-tree.js';

/** What the steps of one criterion may refer to. */
export interface StepScope {
  reporter: Reporter;
  /** Undefined when the front matter could not be read: references are then not checked. */
  known?: KnownNames;
  actors: ReadonlySet<string>;
  marks: ReadonlySet<string>;
  instances: number;
  /** Named blocks a `use` step may expand (absent: none defined). */
  blocks?: BlockBook;
  /** The blocks being expanded around these steps, outermost first (to refuse a loop). */
  expanding?: readonly string[];
}

/** Step key → schema definition, from the schema's list of step kinds (one place to add a step). */
const STEP_DEFINITIONS: ReadonlyMap<string, DefinitionName> = new Map(
  (definition('step')['anyOf'] as Array<{ $ref: string }>).map(({ $ref }) => {
    const name = $ref.replace('#/definitions/', '') as DefinitionName;
    return [(definition(name)['required'] as string[])[0]!, name];
  }),
);
const STEP_KEYS = [...STEP_DEFINITIONS.keys()];

const SERVICE_ACTIONS: Readonly<Record<string, ServiceStep['action']>> = {
  kill: 'kill',
  start: 'start',
  'restart service': 'restart',
  pause: 'pause',
  resume: 'resume',
};

/** A toxic's attributes by the key a spec writes (`average size` → `average_size`), from src/toxics.ts. */
function attributesByKey(toxic: ToxicType): ReadonlyMap<string, { name: string; attribute: ToxicAttribute }> {
  return new Map(
    Object.entries(toxicDeclaration(toxic).attributes).map(([name, attribute]) => [
      attribute.key,
      { name, attribute },
    ]),
  );
}
const FAULT_KEYS = new Set(['service', 'toxic', 'http', 'name', 'stream', 'toxicity', 'for']);
/** The key that says what a fault step is: a toxic of the proxy or a protocol fault. */
const FAULT_KINDS = ['toxic', 'http', 'redis', 'postgres'] as const;

export function readSteps(value: YamlValue | undefined, scope: StepScope): Step[] {
  return (value?.items() ?? []).flatMap((item) => {
    if (isBlockUse(item)) {
      const expanding = scope.expanding ?? [];
      const steps = expandBlockUse(item, scope.blocks ?? new BlockBook(), expanding, scope.reporter);
      const name = item.get('use')!.string()!;
      if (!steps) return [];
      checkStrings(steps, scope.reporter);
      return readSteps(steps, { ...scope, expanding: [...expanding, name] });
    }
    const step = readStep(item, scope);
    return step ? [step] : [];
  });
}

function readStep(value: YamlValue, scope: StepScope): Step | undefined {
  const { reporter } = scope;
  if (!value.isMap()) {
    reporter.report(
      'SG3003',
      value.range(),
      {},
      { expected: `a mapping with one of: ${STEP_KEYS.join(', ')}`, found: describeValue(value.value) },
    );
    return undefined;
  }
  const kinds = value.keys().filter((k) => STEP_DEFINITIONS.has(k));
  if (kinds.length === 0) {
    const first = value.keys()[0] ?? '';
    const hint = didYouMean(first, STEP_KEYS);
    reporter.report(
      'SG3008',
      value.get(first)?.keyRange() ?? value.range(),
      {},
      {
        expected: `one of: ${STEP_KEYS.join(', ')}`,
        found: value.keys().join(', '),
        ...(hint ? { hint } : {}),
      },
    );
    return undefined;
  }
  if (kinds.length > 1) {
    reporter.report(
      'SG3009',
      value.get(kinds[1]!)!.keyRange(),
      { kinds: kinds.join(', ') },
      { hint: 'split it into one step per kind' },
    );
    return undefined;
  }
  const kind = kinds[0]!;
  const valid = validate(STEP_DEFINITIONS.get(kind)!, value, reporter, BLOCK_CODES);
  const step = convertStep(kind, value, scope);
  if (!step) return undefined;
  const label = value.get('label')?.string();
  if (label !== undefined) step.label = label;
  return valid ? step : undefined;
}

type StepWithoutBase = Step extends infer S ? (S extends Step ? Omit<S, 'label'> : never) : never;

function convertStep(kind: string, value: YamlValue, scope: StepScope): Step | undefined {
  const { reporter } = scope;
  const arg = value.get(kind)!;
  const place = reporter.place(...value.range());
  const optional = <T>(key: string, read: (v: YamlValue) => T | undefined): { [k: string]: T } | object => {
    const entry = value.get(key);
    const result = entry ? read(entry) : undefined;
    return result === undefined ? {} : { [key]: result };
  };
  const base = { place };
  let step: StepWithoutBase | undefined;
  switch (kind) {
    case 'send': {
      checkTargetKind(arg, 'send', scope, ['command', 'url', 'module'], 'an HTTP target');
      const match = /^([A-Za-z]+)\s+(\S.*)$/.exec(arg.string() ?? '');
      const body = readSendBody(value, reporter);
      step = {
        kind: 'send',
        method: (match?.[1] ?? '').toUpperCase(),
        path: match?.[2]?.trim() ?? '',
        ...base,
        ...(value.get('as') ? { as: readAs(value.get('as')!, scope) } : {}),
        ...optional('headers', (v) => templateMap(v, textOf)),
        ...(body ? { body } : {}),
        ...optional('instance', (v) => readInstance(v, scope)),
        ...optional('repeat', (v) => numberOrTemplate(v, '"repeat"', reporter)),
        ...optional('concurrency', (v) => v.value as number),
        ...optional('expect', (v) => readResponseExpectation(v, reporter)),
        ...optional('tally', (v) => readTally(v, reporter)),
        ...optional('save', (v) => v.string()),
        ...optional('timeout', (v) => durationOrTemplate(v.value)),
        ...(value.get('follow redirects') ? readFollowRedirects(value.get('follow redirects')!) : {}),
      } as StepWithoutBase;
      checkObservedConcurrency(value, reporter);
      break;
    }
    case 'run': {
      checkTargetKind(arg, 'run', scope, ['cli'], 'a cli target');
      const args = Array.isArray(arg.value)
        ? arg.value.map((a) => (typeof a === 'string' ? a : textOf(a)))
        : (arg.string() ?? '').split(/\s+/).filter((a) => a !== '');
      step = {
        kind: 'run',
        args,
        ...base,
        ...optional('stdin', (v) => v.string()),
        ...optional('env', (v) => templateMap(v, textOf)),
        ...optional('files', (v) => {
          if (v.isMap()) checkScratchPaths(v, reporter);
          return templateMap(v, textOf);
        }),
        ...optional('expect', (v) => readCliExpectation(v, reporter)),
        ...optional('save', (v) => v.string()),
      } as StepWithoutBase;
      break;
    }
    case 'parallel':
    case 'sequence':
      step = { kind, steps: readSteps(arg, scope), ...base };
      break;
    case 'each': {
      const concurrent = value.get('concurrent')?.value;
      step = {
        kind: 'each',
        over: expressionTemplate(arg, '"each"', reporter) ?? '',
        as: value.get('as')?.string() ?? '',
        steps: readSteps(value.get('steps'), scope),
        ...base,
        ...(typeof concurrent === 'boolean' ? { concurrent } : {}),
      };
      break;
    }
    case 'eventually':
      step = {
        kind: 'eventually',
        within: durationOrTemplate(value.get('within')?.value) ?? 0,
        every: durationMs(value.get('every')?.value ?? 50) ?? 50,
        steps: readSteps(arg, scope),
        ...base,
      };
      break;
    case 'wait':
      step = { kind: 'wait', ms: durationOrTemplate(arg.value) ?? 0, ...base };
      break;
    case 'restart': {
      checkTargetKind(arg, 'restart', scope, ['command'], 'a command target');
      if (typeof arg.value === 'number') checkInstance(arg, arg.value, scope);
      step = { kind: 'restart', instance: typeof arg.value === 'number' ? arg.value : 'all', ...base };
      break;
    }
    case 'fault': {
      const kinds = arg.isMap() ? FAULT_KINDS.filter((key) => arg.get(key) !== undefined) : [];
      if (kinds.length > 1)
        reporter.report('SG3015', arg.get(kinds[1]!)!.keyRange(), {
          a: kinds[0]!,
          b: kinds[1]!,
          context: 'a fault step',
        });
      else if (kinds.length === 0 && arg.isMap())
        reporter.report('SG3006', arg.range(), {
          key: 'toxic", "http", "redis" or "postgres',
          context: 'a fault step',
        });
      const kind = kinds.length === 1 ? kinds[0] : undefined;
      const resolveAs =
        (serviceKind: ServiceKind) =>
        (named: YamlValue | undefined, at: YamlValue): string | undefined =>
          resolveService(named, serviceKind, at, scope);
      step =
        kind === 'http'
          ? readHttpFault(arg, scope, place, resolveAs('http'))
          : kind === 'redis'
            ? readRedisFault(arg, scope, place, resolveAs('redis'))
            : kind === 'postgres'
              ? readPostgresFault(arg, scope, place, resolveAs('postgres'))
              : readFault(arg, scope, place);
      break;
    }
    case 'expect exec': {
      const run = arg.get('run');
      step = {
        kind: 'expect-exec',
        run: Array.isArray(run?.value) ? run.value.map(templateOf) : (run?.string() ?? ''),
        // A probe whose command failed read nothing: exit 0 unless the spec says otherwise.
        expect: { exit: 0, ...readCliExpectation(arg, reporter) },
        ...base,
        ...pick(arg, ['stdin', 'save']),
      } as StepWithoutBase;
      break;
    }
    case 'expect calls': {
      const since = arg.get('since');
      if (since) checkMark(since, scope);
      step = readExpectCalls(arg, scope, place, (named, at) => resolveService(named, 'http', at, scope));
      break;
    }
    case 'heal': {
      const service = resolveService(arg.isMap() ? arg.get('service') : arg, undefined, arg, scope);
      const name = arg.isMap() ? arg.get('name')?.string() : undefined;
      step = { kind: 'heal', service: service ?? '', ...base, ...(name !== undefined ? { name } : {}) };
      break;
    }
    case 'kill':
    case 'start':
    case 'restart service':
    case 'pause':
    case 'resume': {
      const action = SERVICE_ACTIONS[kind]!;
      const service = resolveService(arg, undefined, arg, scope);
      if (service && scope.known?.services.get(service)?.external) {
        reporter.report(
          'SG5008',
          arg.range(),
          { name: service, action: `${action === 'kill' ? 'killed' : `${action}ed`}` },
          {
            hint: 'use a fault (e.g. toxic: down) for an external service',
          },
        );
      }
      const wipe = value.get('wipe')?.value;
      step = {
        kind: 'service',
        service: service ?? '',
        action,
        ...base,
        ...(typeof wipe === 'boolean' ? { wipe } : {}),
      };
      break;
    }
    case 'mark':
      step = { kind: 'mark', name: arg.string() ?? '', ...base };
      break;
    case 'let':
      step = { kind: 'let', values: templateMap(arg) ?? {}, ...base };
      break;
    case 'expect log': {
      const since = arg.get('since');
      if (since) checkMark(since, scope);
      const instance = arg.get('instance');
      if (instance && typeof instance.value === 'number') checkInstance(instance, instance.value, scope);
      const count = arg.get('count');
      step = {
        kind: 'expect-log',
        ...base,
        ...pick(arg, ['level', 'contains', 'matches', 'since', 'instance']),
        ...(count ? { count: readCount(count, '"count"', reporter) } : {}),
      } as StepWithoutBase;
      break;
    }
    case 'expect metric': {
      const since = arg.get('since');
      if (since) checkMark(since, scope);
      const delta = arg.get('delta');
      const current = arg.get('value');
      step = {
        kind: 'expect-metric',
        name: arg.get('name')?.string() ?? '',
        ...base,
        ...pick(arg, ['labels', 'since', 'path', 'save']),
        ...(delta ? { delta: readMatcherOrValue(delta, reporter) } : {}),
        ...(current ? { value: readMatcherOrValue(current, reporter) } : {}),
      } as StepWithoutBase;
      break;
    }
    case 'expect redis': {
      const key = arg.get('key');
      const keys = arg.get('keys');
      if (key && keys)
        reporter.report('SG3015', keys.keyRange(), { a: 'key', b: 'keys', context: 'an expect redis step' });
      if (!key && !keys && arg.isMap())
        reporter.report('SG3006', arg.range(), { key: 'key" or "keys', context: 'an expect redis step' });
      const count = arg.get('count');
      const names = arg.get('names');
      for (const onlyWithKeys of [count, names]) {
        if (onlyWithKeys && key && !keys)
          reporter.report('SG3006', onlyWithKeys.keyRange(), {
            key: 'keys',
            context: `an expect redis step with "${onlyWithKeys === count ? 'count' : 'names'}"`,
          });
      }
      const expect = readRedisKeyExpectation(arg, reporter);
      step = {
        kind: 'expect-redis',
        service: resolveService(arg.get('service'), 'redis', arg, scope) ?? '',
        ...base,
        ...pick(arg, ['key', 'keys', 'save']),
        ...(count ? { count: readCount(count, '"count"', reporter) } : {}),
        ...(names ? { names: readMatcherOrValue(names, reporter) } : {}),
        ...(expect ? { expect } : {}),
      } as StepWithoutBase;
      break;
    }
    case 'expect sql': {
      const rows = arg.get('rows');
      const count = arg.get('count');
      step = {
        kind: 'expect-sql',
        service: resolveService(arg.get('service'), 'postgres', arg, scope) ?? '',
        query: arg.get('query')?.string() ?? '',
        ...base,
        ...pick(arg, ['params', 'save']),
        ...(rows ? { rows: readMatcherOrValue(rows, reporter) } : {}),
        ...(count ? { count: readCount(count, '"count"', reporter) } : {}),
      } as StepWithoutBase;
      break;
    }
    case 'sql': {
      const long = arg.isMap();
      step = {
        kind: 'sql',
        service: resolveService(long ? arg.get('service') : undefined, 'postgres', arg, scope) ?? '',
        query: (long ? arg.get('query')?.string() : arg.string()) ?? '',
        ...base,
        ...(long ? pick(arg, ['params', 'save']) : {}),
      } as StepWithoutBase;
      break;
    }
    case 'redis': {
      const long = arg.isMap();
      const command = long ? arg.get('command')?.value : arg.value;
      step = {
        kind: 'redis',
        service: resolveService(long ? arg.get('service') : undefined, 'redis', arg, scope) ?? '',
        command: Array.isArray(command) ? command.map(templateOf) : [],
        ...base,
        ...(long ? pick(arg, ['save']) : {}),
      } as StepWithoutBase;
      break;
    }
    case 'assert': {
      const message = value.get('message')?.string();
      step = {
        kind: 'assert',
        that: expressionTemplate(arg, '"assert"', reporter) ?? '',
        ...base,
        ...(message !== undefined ? { message } : {}),
      };
      break;
    }
  }
  return step as Step | undefined;
}

/** Copies present keys as written (plain data the IR keeps unchanged). */
function pick(value: YamlValue, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    keys.flatMap((key) => (value.get(key) ? [[key, templateValue(value.get(key)!)]] : [])),
  );
}

function readSendBody(
  value: YamlValue,
  reporter: Reporter,
): { json: never } | { text: Template; contentType?: string } | undefined {
  const json = value.get('json');
  const text = value.get('text');
  const contentType = value.get('content type');
  if (json && text)
    reporter.report('SG3015', text.keyRange(), { a: 'json', b: 'text', context: 'a send step' });
  if (contentType && !text)
    reporter.report('SG3006', contentType.keyRange(), {
      key: 'text',
      context: 'a send step with "content type"',
    });
  if (json) return { json: templateValue(json) as never };
  if (text)
    return {
      text: text.string() ?? '',
      ...(contentType?.string() ? { contentType: contentType.string()! } : {}),
    };
  return undefined;
}

/** `follow redirects: true` follows at most 10 hops; a number sets the most. */
function readFollowRedirects(value: YamlValue): { followRedirects: number } | object {
  if (value.value === true) return { followRedirects: 10 };
  return typeof value.value === 'number' ? { followRedirects: value.value } : {};
}

/** What one request caused (`log`/`metric` in `expect`) cannot be told apart among concurrent requests. */
function checkObservedConcurrency(value: YamlValue, reporter: Reporter): void {
  const concurrency = value.get('concurrency');
  const expect = value.get('expect');
  const observed = ['log', 'metric'].find((key) => expect?.get(key) !== undefined);
  if (observed && typeof concurrency?.value === 'number' && concurrency.value > 1) {
    reporter.report(
      'SG3015',
      concurrency.keyRange(),
      { a: `expect.${observed}`, b: 'concurrency above 1', context: 'a send step' },
      {
        hint: `what each request caused is only known when requests go one at a time: drop "concurrency", or check the total with "expect ${observed}" after the send`,
      },
    );
  }
}

function readTally(value: YamlValue, reporter: Reporter): Tally | undefined {
  const status = value.get('status');
  if (!status?.isMap()) return undefined;
  return {
    status: Object.fromEntries(
      status.entries().map(([code, v]) => [code, readCount(v, `the tally of ${code}`, reporter) as number]),
    ),
  };
}

function readInstance(value: YamlValue, scope: StepScope): number | string | undefined {
  const v = value.value;
  if (typeof v === 'number') {
    checkInstance(value, v, scope);
    return v;
  }
  if (v === 'round-robin' || v === 'random' || isTemplate(v)) return v as string;
  const hint = typeof v === 'string' ? didYouMean(v, ['round-robin', 'random']) : undefined;
  scope.reporter.report(
    'SG3013',
    value.range(),
    { what: '"instance"' },
    {
      expected: 'an instance number, round-robin, random or a {{ template }}',
      found: describeValue(v),
      ...(hint ? { hint } : {}),
    },
  );
  return undefined;
}

function checkInstance(value: YamlValue, instance: number, scope: StepScope): void {
  if (Number.isInteger(instance) && instance >= scope.instances) {
    scope.reporter.report(
      'SG5010',
      value.range(),
      { instance, instances: scope.instances },
      {
        hint: `instances are numbered from 0; set "instances: ${instance + 1}" for more`,
      },
    );
  }
}

function readAs(value: YamlValue, scope: StepScope): Template | undefined {
  const name = value.string();
  if (name === undefined) return undefined;
  if (!isTemplate(name) && scope.known && !scope.actors.has(name) && !scope.known.identities.has(name)) {
    const candidates = [...scope.actors, ...scope.known.identities];
    const hint = didYouMean(name, candidates);
    scope.reporter.report(
      'SG5002',
      value.range(),
      { name },
      {
        expected:
          candidates.length > 0
            ? `one of: ${candidates.join(', ')}`
            : 'an actor (actors:) or an identity (front matter identities:)',
        found: name,
        ...(hint ? { hint } : {}),
      },
    );
  }
  return name;
}

function checkMark(value: YamlValue, scope: StepScope): void {
  const name = value.string();
  if (name === undefined || scope.marks.has(name)) return;
  const hint = didYouMean(name, [...scope.marks]);
  scope.reporter.report(
    'SG5006',
    value.range(),
    { name },
    {
      expected:
        scope.marks.size > 0 ? `one of: ${[...scope.marks].join(', ')}` : 'a "mark:" step in this criterion',
      found: name,
      ...(hint ? { hint } : {}),
    },
  );
}

function checkTargetKind(
  at: YamlValue,
  step: string,
  scope: StepScope,
  kinds: readonly string[],
  needs: string,
): void {
  const kind = scope.known?.targetKind;
  if (kind && !kinds.includes(kind))
    scope.reporter.report('SG5009', at.keyRange(), { step, needs, kind: `a ${kind} target` });
}

/**
 * The service a step acts on: named, or the only one (of the kind) in the front matter.
 * Reports unknown names, wrong kinds and ambiguous omissions.
 */
function resolveService(
  named: YamlValue | undefined,
  kind: ServiceKind | undefined,
  step: YamlValue,
  scope: StepScope,
): string | undefined {
  const { known, reporter } = scope;
  const name = named?.string();
  if (!known) return name;
  const candidates = [...known.services]
    .filter(([, s]) => kind === undefined || s.kind === kind)
    .map(([n]) => n);
  if (name === undefined) {
    if (candidates.length === 1) return candidates[0];
    reporter.report(
      'SG5005',
      step.keyRange(),
      { what: kind ? `${kind} service` : 'service' },
      {
        expected:
          candidates.length > 0
            ? `one of: ${candidates.join(', ')}`
            : `a ${kind ?? ''} service in the front matter "services"`,
      },
    );
    return undefined;
  }
  const service = known.services.get(name);
  if (!service) {
    const hint = didYouMean(name, [...known.services.keys()]);
    reporter.report(
      'SG5003',
      named!.range(),
      { name },
      {
        expected:
          known.services.size > 0
            ? `one of: ${[...known.services.keys()].join(', ')}`
            : 'a service declared in the front matter "services"',
        found: name,
        ...(hint ? { hint } : {}),
      },
    );
    return name;
  }
  if (kind !== undefined && service.kind !== kind) {
    reporter.report(
      'SG5004',
      named!.range(),
      { name, kind: service.kind, expected: kind },
      {
        ...(candidates.length > 0 ? { expected: `one of: ${candidates.join(', ')}` } : {}),
      },
    );
  }
  return name;
}

function readFault(arg: YamlValue, scope: StepScope, place: Place): StepWithoutBase | undefined {
  const { reporter } = scope;
  if (!arg.isMap()) return undefined;
  const toxic = arg.get('toxic')?.string();
  const service = resolveService(arg.get('service'), undefined, arg, scope);
  const allowed = isToxicType(toxic) ? attributesByKey(toxic) : undefined;
  const attributes: Record<string, number | Template> = {};
  if (allowed) {
    for (const [key, entry] of arg.entries()) {
      if (FAULT_KEYS.has(key)) continue;
      const known = allowed.get(key);
      if (!known) {
        const keys = [...allowed.keys()];
        reporter.report(
          'SG3012',
          entry.keyRange(),
          { key, toxic: toxic! },
          {
            expected: keys.length > 0 ? `one of: ${keys.join(', ')}` : `no attributes for ${toxic!}`,
          },
        );
        continue;
      }
      if (typeof entry.value === 'string' && isTemplate(entry.value)) {
        // Drawn per run, e.g. `bytes: "{{ cut }}"` from a generated value (ms for durations).
        attributes[known.name] = entry.value;
        continue;
      }
      // Bounds and required keys are the schema's (written from the same table); this converts.
      const number =
        known.attribute.unit === 'ms'
          ? durationMs(entry.value)
          : typeof entry.value === 'number'
            ? entry.value
            : undefined;
      if (number !== undefined) attributes[known.name] = number;
    }
  }
  const stream = arg.get('stream')?.string();
  const toxicity = arg.get('toxicity')?.value;
  const name = arg.get('name')?.string();
  const forValue = arg.get('for');
  return {
    kind: 'fault',
    service: service ?? '',
    toxic: isToxicType(toxic) ? toxic : 'down',
    place,
    ...(name !== undefined ? { name } : {}),
    ...(stream === 'upstream' || stream === 'downstream' ? { stream } : {}),
    ...(typeof toxicity === 'number' ? { toxicity } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    ...(forValue ? { for: durationOrTemplate(forValue.value) ?? 0 } : {}),
  };
}

/** Names of every `mark` step, at any depth, so `since` may refer to a mark in a nested step. */
export function collectMarks(steps: YamlValue | undefined, blocks = new BlockBook()): Set<string> {
  const marks = new Set<string>();
  const visit = (list: YamlValue | undefined, expanding: readonly string[] = []): void => {
    for (const step of list?.items() ?? []) {
      if (isBlockUse(step)) {
        const name = step.get('use')!.string() ?? '';
        // Unreported here: readSteps reports what is wrong with the use.
        visit(expandBlockUse(step, blocks, expanding), [...expanding, name]);
        continue;
      }
      const mark = step.get('mark')?.string();
      if (mark !== undefined) marks.add(mark);
      for (const key of ['parallel', 'sequence', 'eventually', 'steps']) visit(step.get(key), expanding);
    }
  };
  visit(steps);
  return marks;
}
