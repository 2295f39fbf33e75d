import { Ajv } from 'ajv';
import type {
  CliExpectation,
  Matcher,
  RedisKeyExpectation,
  RequestLogExpectation,
  RequestMetricExpectation,
  ResponseExpectation,
  TemplateValue,
} from '../ir.js';
import { isTemplate } from './durations.js';
import { describeValue, type Reporter } from './reporter.js';
import { BLOCK_CODES, validate } from './schema.js';
import { checkScratchPaths } from './scratch-paths.js';
import { templateValue } from './values.js';
import type { YamlValue } from './yaml-tree.js';

/**
 * Matchers are plain data in the IR (the runtime interprets them), so reading one means
 * checking it: known `$` keys, no mixing with plain keys, and nested matchers where a
 * matcher takes one (`$not`, `$each`, `$length`).
 */
export function readMatcherOrValue(value: YamlValue, reporter: Reporter): Matcher | TemplateValue {
  if (value.isMap() && isMatcherShaped(value, reporter)) checkMatcher(value, reporter);
  return templateValue(value);
}

/** A JSON body: plain objects match as subsets and may hold matchers at any depth. */
export function readBody(value: YamlValue, reporter: Reporter): Matcher | TemplateValue {
  if (value.isMap()) {
    if (isMatcherShaped(value, reporter)) checkMatcher(value, reporter);
    else value.entries().forEach(([, child]) => readBody(child, reporter));
  } else if (value.isSeq()) {
    value.items().forEach((item) => readBody(item, reporter));
  }
  return templateValue(value);
}

/** True when every key starts with `$`; reports a mapping that mixes both kinds. */
function isMatcherShaped(value: YamlValue, reporter: Reporter): boolean {
  const keys = value.keys();
  const dollar = keys.filter((k) => k.startsWith('$'));
  if (dollar.length === 0) return false;
  if (dollar.length < keys.length) {
    const plain = keys.find((k) => !k.startsWith('$'))!;
    reporter.report(
      'SG3014',
      value.get(plain)!.keyRange(),
      {},
      {
        expected: 'only matcher keys ($eq, $gte, $matches, …) or only plain keys',
        found: keys.join(', '),
      },
    );
    return false;
  }
  return true;
}

function checkMatcher(value: YamlValue, reporter: Reporter): void {
  validate('matcher', value, reporter, BLOCK_CODES);
  const not = value.get('$not');
  if (not) {
    if (not.isMap() && isMatcherShaped(not, reporter)) checkMatcher(not, reporter);
    else if (!not.isMap() || not.keys().length === 0) {
      reporter.report(
        'SG3005',
        not.range(),
        { what: '"$not"' },
        { expected: 'a matcher', found: describeValue(not.value) },
      );
    }
  }
  const each = value.get('$each');
  if (each) readMatcherOrValue(each, reporter);
  const length = value.get('$length');
  if (length) readCount(length, '"$length"', reporter);
  checkIntRange(value.get('$int'), reporter);
  for (const key of ['$schema']) {
    const schema = value.get(key);
    if (schema) checkJsonSchema(schema, reporter);
  }
}

/** `$int: [min, max]` with both bounds written as numbers must not be empty. */
function checkIntRange(range: YamlValue | undefined, reporter: Reporter): void {
  const [min, max] = range?.isSeq() ? range.items().map((item) => item.value) : [];
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    reporter.report(
      'SG3011',
      range!.range(),
      { what: '"$int"', min, max },
      { expected: '[min, max] with min ≤ max', hint: `write [${max}, ${min}]` },
    );
  }
}

/** A number of things (lines, keys, rows, calls, members, a length): written as a number, a whole one, 0 or more. */
export function readCount(value: YamlValue, what: string, reporter: Reporter): Matcher | TemplateValue {
  const count = value.value;
  if (typeof count === 'number' && !(Number.isInteger(count) && count >= 0)) {
    reporter.report(
      'SG3013',
      value.range(),
      { what },
      { expected: 'a count: a whole number, 0 or more (or a template or matcher)', found: String(count) },
    );
  }
  return readMatcherOrValue(value, reporter);
}

/** Codes a status or an exit can be: what `status: 1000`, `status: OK` or `exit: 256` could never equal. */
const CODE_RANGES = {
  status: { min: 100, max: 599, what: 'an HTTP status: a whole number from 100 to 599' },
  exit: { min: 0, max: 255, what: 'an exit code: a whole number from 0 to 255' },
} as const;

/**
 * A status or exit code: a number in its range, a template, or a matcher whose written
 * codes (`$eq`, `$oneOf`, `$int`) are in range.
 */
function readCode(
  value: YamlValue,
  kind: keyof typeof CODE_RANGES,
  reporter: Reporter,
): Matcher | TemplateValue {
  const range = CODE_RANGES[kind];
  const check = (code: YamlValue): void => {
    const written = code.value;
    const fits =
      (typeof written === 'number' &&
        Number.isInteger(written) &&
        written >= range.min &&
        written <= range.max) ||
      isTemplate(written);
    if (!fits)
      reporter.report(
        'SG3013',
        code.range(),
        { what: `"${kind}"` },
        { expected: `${range.what}, a {{ template }} or a matcher`, found: describeValue(written) },
      );
  };
  if (value.isMap() && value.keys().some((key) => key.startsWith('$'))) {
    const eq = value.get('$eq');
    if (eq) check(eq);
    for (const key of ['$oneOf', '$int']) value.get(key)?.items().forEach(check);
  } else {
    check(value);
  }
  return readMatcherOrValue(value, reporter);
}

const schemaChecker = new Ajv({ strict: false, validateSchema: true });

/** A JSON Schema written in a spec must itself be valid, or every response would "fail". */
export function checkJsonSchema(value: YamlValue, reporter: Reporter): void {
  if (!value.isMap()) return;
  try {
    schemaChecker.compile(value.value as object);
  } catch (error) {
    reporter.report(
      'SG3013',
      value.range(),
      { what: 'the JSON Schema' },
      { expected: 'a valid JSON Schema', found: (error as Error).message },
    );
  }
}

export function readResponseExpectation(value: YamlValue, reporter: Reporter): ResponseExpectation {
  const expectation: ResponseExpectation = {};
  const status = value.get('status');
  if (status) expectation.status = readCode(status, 'status', reporter) as ResponseExpectation['status'];
  const headers = value.get('headers');
  if (headers?.isMap()) {
    expectation.headers = Object.fromEntries(
      headers.entries().map(([name, v]) => [name, readMatcherOrValue(v, reporter) as Matcher | string]),
    );
  }
  const body = value.get('body');
  if (body) expectation.body = readBody(body, reporter);
  const bodySchema = value.get('body schema');
  if (bodySchema?.isMap()) {
    checkJsonSchema(bodySchema, reporter);
    expectation.bodySchema = bodySchema.value as Record<string, unknown>;
  }
  const text = value.get('text');
  if (text) expectation.text = readMatcherOrValue(text, reporter) as Matcher | string;
  const latency = value.get('latency');
  if (latency) expectation.latency = readMatcherOrValue(latency, reporter) as Matcher | number;
  const log = value.get('log');
  if (log) expectation.log = oneOrMany(log).map((entry) => readRequestLog(entry, reporter));
  const metric = value.get('metric');
  if (metric) expectation.metric = oneOrMany(metric).map((entry) => readRequestMetric(entry, reporter));
  return expectation;
}

/** `log:` and `metric:` take one mapping or a list of them. */
function oneOrMany(value: YamlValue): YamlValue[] {
  return value.isSeq() ? value.items() : [value];
}

function readRequestLog(value: YamlValue, reporter: Reporter): RequestLogExpectation {
  const count = value.get('count');
  const log: RequestLogExpectation = {};
  const level = value.get('level')?.string();
  if (level) log.level = level as NonNullable<RequestLogExpectation['level']>;
  const contains = value.get('contains')?.string();
  if (contains !== undefined) log.contains = contains;
  const matches = value.get('matches')?.string();
  if (matches !== undefined) log.matches = matches;
  if (count) log.count = readCount(count, '"count"', reporter) as Matcher | number;
  return log;
}

function readRequestMetric(value: YamlValue, reporter: Reporter): RequestMetricExpectation {
  const delta = value.get('delta');
  const labels = value.get('labels');
  return {
    name: value.get('name')?.string() ?? '',
    ...(labels?.isMap() ? { labels: labels.value as Record<string, string> } : {}),
    delta: delta ? (readMatcherOrValue(delta, reporter) as Matcher | number) : 0,
  };
}

export function readCliExpectation(value: YamlValue, reporter: Reporter): CliExpectation {
  const expectation: CliExpectation = {};
  const exit = value.get('exit');
  if (exit) expectation.exit = readCode(exit, 'exit', reporter) as Matcher | number;
  for (const key of ['stdout', 'stderr'] as const) {
    const entry = value.get(key);
    if (entry) expectation[key] = readMatcherOrValue(entry, reporter) as Matcher & string;
  }
  const json = value.get('json');
  if (json) expectation.json = readBody(json, reporter);
  const files = value.get('files');
  if (files?.isMap()) {
    checkScratchPaths(files, reporter);
    expectation.files = Object.fromEntries(
      files.entries().map(([path, v]) => [path, readMatcherOrValue(v, reporter) as Matcher | string]),
    );
  }
  return expectation;
}

const REDIS_KEY_CHECKS = ['exists', 'type', 'ttl', 'size', 'members', 'value', 'fields', 'items'] as const;

/** `expect redis` takes key checks under `expect:` or, as a shorthand, beside `key`. */
export function readRedisKeyExpectation(
  step: YamlValue,
  reporter: Reporter,
): RedisKeyExpectation | undefined {
  const nested = step.get('expect');
  const flat = REDIS_KEY_CHECKS.filter((k) => step.get(k) !== undefined);
  if (nested && flat.length > 0) {
    reporter.report(
      'SG3015',
      step.get(flat[0]!)!.keyRange(),
      { a: 'expect', b: flat[0]!, context: 'an expect redis step' },
      {
        hint: `move "${flat[0]!}" under "expect"`,
      },
    );
  }
  const source = nested ?? (flat.length > 0 ? step : undefined);
  if (!source) return undefined;
  const expectation: RedisKeyExpectation = {};
  const exists = source.get('exists')?.value;
  if (typeof exists === 'boolean') expectation.exists = exists;
  const type = source.get('type')?.string();
  if (type) expectation.type = type as RedisKeyExpectation['type'] & string;
  for (const key of ['ttl', 'size', 'members', 'value', 'fields', 'items'] as const) {
    const entry = source.get(key);
    if (entry)
      expectation[key] = (
        key === 'size' ? readCount(entry, '"size"', reporter) : readMatcherOrValue(entry, reporter)
      ) as Matcher & number;
  }
  return expectation;
}
