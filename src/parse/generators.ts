import fc from 'fast-check';
import { charsRegex, patternRegex } from '../generator-regex.js';
import type { CsvGenerator, Generator, Malformation, TemplateValue } from '../ir.js';
import { describeMisfit } from './always.js';
import { FAKER_METHODS } from './faker-methods.js';
import { didYouMean, describeValue, type Reporter } from './reporter.js';
import { BLOCK_CODES, definition, validate } from './schema.js';
import type { YamlValue } from './yaml-tree.js';

const GENERATOR_NAMES = Object.keys(definition('generator')['properties'] as object);
/** Generators that need no options, so a bare name is enough (`id: slug`). */
const SHORTHANDS = ['boolean', 'email', 'slug', 'date', 'text', 'url', 'uuid', 'ipv4', 'ipv6', 'timestamp'];

const DEFAULTS = {
  slug: { minLength: 1, maxLength: 32 },
  date: { min: '2000-01-01', max: '2030-12-31' },
  timestamp: { min: '2000-01-01T00:00:00.000Z', max: '2030-12-31T23:59:59.999Z' },
  string: { minLength: 1, maxLength: 32 },
  url: { schemes: ['http', 'https'] },
  decimalScale: 2,
  text: { minLength: 0, maxLength: 80 },
  list: { minLength: 0, maxLength: 10 },
  rows: { min: 0, max: 20 },
};

/** Reads one generator; returns undefined (after reporting) when it is wrong. */
export function readGenerator(value: YamlValue, reporter: Reporter): Generator | undefined {
  if (typeof value.value === 'string') return readShorthand(value, reporter);
  if (!value.isMap()) {
    reporter.report(
      'SG3005',
      value.range(),
      { what: 'a generator' },
      {
        expected: `a generator name (${SHORTHANDS.join(', ')}) or a mapping with one generator key`,
        found: describeValue(value.value),
      },
    );
    return undefined;
  }
  const keys = value.keys().filter((key) => key !== 'always');
  if (keys.length !== 1) {
    reporter.report(
      'SG3016',
      value.range(),
      {},
      { expected: `one of: ${GENERATOR_NAMES.join(', ')}`, found: keys.join(', ') || 'no key' },
    );
    return undefined;
  }
  const kind = keys[0]!;
  const options = value.get(kind)!;
  if (!GENERATOR_NAMES.includes(kind)) {
    const hint = didYouMean(kind, GENERATOR_NAMES);
    reporter.report(
      'SG3010',
      options.keyRange(),
      { name: kind },
      { expected: `one of: ${GENERATOR_NAMES.join(', ')}`, found: kind, ...(hint ? { hint } : {}) },
    );
    return undefined;
  }
  const valid = validate('generator', value, reporter, BLOCK_CODES);
  const generator = convert(kind, options, reporter);
  const always = value.get('always');
  if (!valid || !generator || !always) return valid ? generator : undefined;
  return readAlways(generator, always, reporter);
}

/** `always: [...]`: each value must be one the generator yields (SG3060 at the value otherwise). */
function readAlways(generator: Generator, always: YamlValue, reporter: Reporter): Generator | undefined {
  let fits = true;
  for (const item of always.items()) {
    const expected = describeMisfit(generator, item.value as TemplateValue, isRealDate, toInstant);
    if (expected === undefined) continue;
    fits = false;
    reporter.report(
      'SG3060',
      item.range(),
      { generator: generator.kind },
      { expected, found: describeValue(item.value) },
    );
  }
  return fits
    ? { ...generator, always: always.items().map((item) => item.value as TemplateValue) }
    : undefined;
}

function readShorthand(value: YamlValue, reporter: Reporter): Generator | undefined {
  const name = value.value as string;
  if (SHORTHANDS.includes(name)) return convert(name, undefined, reporter);
  const hint = didYouMean(name, GENERATOR_NAMES);
  reporter.report(
    'SG3010',
    value.range(),
    { name },
    {
      expected: `a generator without options (${SHORTHANDS.join(', ')}), or a mapping such as { integer: [0, 10] }`,
      found: name,
      ...(hint ? { hint } : {}),
    },
  );
  return undefined;
}

function convert(kind: string, options: YamlValue | undefined, reporter: Reporter): Generator | undefined {
  const num = (key: string): number | undefined => {
    const v = options?.get(key)?.value;
    return typeof v === 'number' ? v : undefined;
  };
  const str = (key: string): string | undefined => options?.get(key)?.string();
  const bool = (key: string): boolean | undefined => {
    const v = options?.get(key)?.value;
    return typeof v === 'boolean' ? v : undefined;
  };
  switch (kind) {
    case 'integer': {
      const [min, max] = pairOf(options);
      checkRange(options, 'an integer generator', min, max, reporter);
      return { kind, min: min ?? 0, max: max ?? 0 };
    }
    case 'enum':
      return { kind, values: (options?.isSeq() ? options.value : []) as TemplateValue[] };
    case 'constant':
      return { kind, value: (options?.value ?? null) as TemplateValue };
    case 'boolean':
      return { kind };
    case 'email':
      return str('style') === 'any' ? { kind, style: 'any' } : { kind };
    case 'pattern': {
      const pattern = options?.string() ?? '';
      return checkPattern(options, 'a pattern', () => patternRegex(pattern), reporter)
        ? { kind, pattern }
        : undefined;
    }
    case 'string': {
      const chars = str('chars');
      if (chars === undefined) return undefined; // the schema reports it
      const minLength = num('min length') ?? DEFAULTS.string.minLength;
      const maxLength = num('max length') ?? DEFAULTS.string.maxLength;
      checkRange(options, 'a string generator', minLength, maxLength, reporter);
      // A reversed range is already reported; the class alone is checked then.
      const [low, high] = minLength <= maxLength ? [minLength, maxLength] : [1, 1];
      const valid = checkPattern(
        options?.get('chars'),
        '"chars"',
        () => charsRegex(chars, low, high),
        reporter,
      );
      return valid ? { kind, chars, minLength, maxLength } : undefined;
    }
    case 'url': {
      const schemes = options?.get('schemes')?.value;
      return {
        kind,
        schemes: Array.isArray(schemes) ? schemes.map(String) : DEFAULTS.url.schemes,
        query: bool('query') ?? false,
        fragment: bool('fragment') ?? false,
      };
    }
    case 'uuid': {
      const version = num('version');
      return version === undefined ? { kind } : { kind, version };
    }
    case 'ipv4':
    case 'ipv6':
      return { kind: 'ip', version: kind === 'ipv4' ? 4 : 6 };
    case 'timestamp': {
      const bound = (key: 'min' | 'max'): string => {
        const v = options?.get(key);
        const text = v?.string();
        if (text === undefined) return DEFAULTS.timestamp[key];
        const instant = toInstant(text);
        if (instant === undefined && v) {
          reporter.report(
            'SG3013',
            v.range(),
            { what: `"${key}"` },
            { expected: 'a real date YYYY-MM-DD or instant YYYY-MM-DDTHH:MM:SS.sssZ', found: text },
          );
        }
        return instant ?? text;
      };
      const min = bound('min');
      const max = bound('max');
      checkRange(options, 'a timestamp generator', min, max, reporter);
      return { kind, min, max };
    }
    case 'slug': {
      const minLength = num('min length') ?? DEFAULTS.slug.minLength;
      const maxLength = num('max length') ?? DEFAULTS.slug.maxLength;
      checkRange(options, 'a slug generator', minLength, maxLength, reporter);
      return { kind, minLength, maxLength };
    }
    case 'date': {
      const min = str('min') ?? DEFAULTS.date.min;
      const max = str('max') ?? DEFAULTS.date.max;
      for (const key of ['min', 'max']) {
        const v = options?.get(key);
        if (v && typeof v.value === 'string' && !isRealDate(v.value)) {
          reporter.report(
            'SG3013',
            v.range(),
            { what: `"${key}"` },
            { expected: 'a real date YYYY-MM-DD', found: v.value },
          );
        }
      }
      checkRange(options, 'a date generator', min, max, reporter);
      return { kind, min, max };
    }
    case 'decimal': {
      const min = num('min') ?? 0;
      const max = num('max') ?? 0;
      checkRange(options, 'a decimal generator', min, max, reporter);
      return { kind, min, max, scale: num('scale') ?? DEFAULTS.decimalScale };
    }
    case 'iso': {
      const standard = options?.value;
      return { kind, standard: standard === 'country' || standard === 'language' ? standard : 'currency' };
    }
    case 'text': {
      const minLength = num('min length') ?? DEFAULTS.text.minLength;
      const maxLength = num('max length') ?? DEFAULTS.text.maxLength;
      checkRange(options, 'a text generator', minLength, maxLength, reporter);
      return {
        kind,
        minLength,
        maxLength,
        style: str('style') === 'words' ? 'words' : 'any',
        specials: bool('specials') ?? false,
      };
    }
    case 'list': {
      const minLength = num('min length') ?? DEFAULTS.list.minLength;
      const maxLength = num('max length') ?? DEFAULTS.list.maxLength;
      checkRange(options, 'a list generator', minLength, maxLength, reporter);
      const ofValue = options?.get('of');
      const of = ofValue ? readGenerator(ofValue, reporter) : undefined;
      return of ? { kind, of, minLength, maxLength, unique: bool('unique') ?? false } : undefined;
    }
    case 'record': {
      const fields = readGeneratorMap(options, reporter);
      return fields ? { kind, fields } : undefined;
    }
    case 'one of': {
      const items = options?.items() ?? [];
      const generators = items.map((item) => readGenerator(item, reporter));
      return generators.every((g) => g !== undefined)
        ? { kind: 'oneOf', options: generators as Generator[] }
        : undefined;
    }
    case 'faker': {
      const method = options?.string() ?? '';
      if (options && !FAKER_METHODS.has(method)) {
        const hint = didYouMean(method, [...FAKER_METHODS]);
        reporter.report(
          'SG3010',
          options.range(),
          { name: `faker ${method}` },
          {
            expected: 'a faker method path such as person.firstName, internet.email or lorem.word',
            found: method,
            ...(hint ? { hint } : {}),
          },
        );
        return undefined;
      }
      return { kind, method };
    }
    case 'csv':
      return options ? readCsv(options, reporter) : undefined;
    default:
      return undefined;
  }
}

/** Generators by name (`for all`, `record`, csv `columns`); undefined when any is wrong. */
export function readGeneratorMap(
  value: YamlValue | undefined,
  reporter: Reporter,
): Record<string, Generator> | undefined {
  if (!value?.isMap()) return undefined;
  let valid = true;
  const generators: Record<string, Generator> = {};
  for (const [name, entry] of value.entries()) {
    const generator = readGenerator(entry, reporter);
    if (generator) generators[name] = generator;
    else valid = false;
  }
  return valid ? generators : undefined;
}

function readCsv(options: YamlValue, reporter: Reporter): CsvGenerator | undefined {
  const header = (options.get('header')?.isSeq() ? options.get('header')!.value : []) as string[];
  const headerNames = new Set(header.map(String));
  const columnsValue = options.get('columns');
  const columns = readGeneratorMap(columnsValue, reporter);
  if (columnsValue?.isMap()) {
    for (const name of header) {
      if (columnsValue.get(String(name)) === undefined)
        reporter.report('SG3006', columnsValue.keyRange(), { key: String(name), context: 'csv "columns"' });
    }
    for (const [name, entry] of columnsValue.entries()) {
      if (!headerNames.has(name)) notAColumn(name, header, reporter, entry.keyRange());
    }
  }
  for (const key of ['duplicate columns', 'pad columns']) {
    for (const item of options.get(key)?.items() ?? []) {
      if (typeof item.value === 'string' && !headerNames.has(item.value))
        notAColumn(item.value, header, reporter, item.range());
    }
  }
  const malformations = (options.get('malformations')?.items() ?? []).map((item) =>
    readMalformation(item, header, reporter),
  );
  const [rowsMin, rowsMax] = pairOf(options.get('rows'));
  const rows = { min: rowsMin ?? DEFAULTS.rows.min, max: rowsMax ?? DEFAULTS.rows.max };
  checkRange(options.get('rows'), 'csv "rows"', rows.min, rows.max, reporter);
  const rate = (key: string): number => {
    const v = options.get(key)?.value;
    return typeof v === 'number' ? v : 0;
  };
  const maybe = (key: string, fallback: boolean): boolean | 'maybe' => {
    const v = options.get(key)?.value;
    return v === 'maybe' || typeof v === 'boolean' ? v : fallback;
  };
  const csv: CsvGenerator = {
    kind: 'csv',
    header: header.map(String),
    columns: columns ?? {},
    rows,
    malformedRate: rate('malformed rate'),
    malformations: malformations.filter((m): m is Malformation => m !== undefined),
    duplicateRate: rate('duplicate rate'),
    lineBreaks: (options.get('line breaks')?.value as Array<'lf' | 'crlf'> | undefined) ?? ['lf'],
    bom: maybe('bom', false),
    finalLineBreak: maybe('final line break', true),
    quoteRate: rate('quote rate'),
  };
  const duplicateColumns = options.get('duplicate columns')?.value;
  if (Array.isArray(duplicateColumns)) csv.duplicateColumns = duplicateColumns.map(String);
  const padColumns = options.get('pad columns')?.value;
  if (Array.isArray(padColumns)) csv.padColumns = padColumns.map(String);
  return columns && malformations.every((m) => m !== undefined) ? csv : undefined;
}

function readMalformation(item: YamlValue, header: string[], reporter: Reporter): Malformation | undefined {
  const name = item.get('name')?.string() ?? '';
  const column = item.get('column');
  const record = item.get('record');
  if (column && record) {
    reporter.report('SG3015', record.keyRange(), { a: 'column', b: 'record', context: 'a malformation' });
    return undefined;
  }
  if (record) {
    const kind = record.value;
    return kind === 'extra-field' || kind === 'missing-field' || kind === 'blank-line'
      ? { name, record: kind }
      : undefined;
  }
  if (!column) {
    reporter.report('SG3006', item.range(), { key: 'column" or "record', context: 'a malformation' });
    return undefined;
  }
  const columnName = column.string() ?? '';
  if (!header.includes(columnName)) notAColumn(columnName, header, reporter, column.range());
  const values = item.get('values');
  if (!values) {
    reporter.report('SG3006', item.range(), { key: 'values', context: 'a column malformation' });
    return undefined;
  }
  return { name, column: columnName, values: (values.isSeq() ? values.value : []) as string[] };
}

function notAColumn(name: string, header: string[], reporter: Reporter, range: [number, number]): void {
  const hint = didYouMean(name, header);
  reporter.report(
    'SG3013',
    range,
    { what: `column "${name}"` },
    { expected: `a header column: ${header.join(', ')}`, found: name, ...(hint ? { hint } : {}) },
  );
}

/** `[min, max]` or `{ min, max }`. */
function pairOf(value: YamlValue | undefined): [number | undefined, number | undefined] {
  const raw = value?.value;
  const pick = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  if (Array.isArray(raw)) return [pick(raw[0]), pick(raw[1])];
  if (value?.isMap()) return [pick(value.get('min')?.value), pick(value.get('max')?.value)];
  return [undefined, undefined];
}

function checkRange<T extends number | string>(
  value: YamlValue | undefined,
  what: string,
  min: T | undefined,
  max: T | undefined,
  reporter: Reporter,
): void {
  if (min === undefined || max === undefined || min <= max) return;
  reporter.report(
    'SG3011',
    value?.range() ?? [0, 0],
    { what, min: String(min), max: String(max) },
    { hint: 'swap the bounds' },
  );
}

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A pattern must be a JavaScript regex (with the `u` flag, so a character is a code point) that
 * fast-check can generate from: it refuses some (`\b`, look-arounds), which would otherwise fail
 * only when the property runs.
 */
function checkPattern(
  value: YamlValue | undefined,
  what: string,
  regex: () => RegExp,
  reporter: Reporter,
): boolean {
  try {
    fc.stringMatching(regex());
    return true;
  } catch (error) {
    const detail = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    reporter.report(
      'SG3013',
      value?.range() ?? [0, 0],
      { what },
      {
        expected: 'a JavaScript regular expression without \\b, look-arounds or back-references',
        found: `${value?.string() ?? ''} (${detail})`,
      },
    );
    return false;
  }
}

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS(.sss)Z` as a canonical instant; undefined when not a real one. */
function toInstant(text: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z)?$/.exec(text);
  if (!match || !isRealDate(match[1]!)) return undefined;
  const [hours, minutes, seconds] = [Number(match[2] ?? 0), Number(match[3] ?? 0), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const millis = (match[5] ?? '0').padEnd(3, '0');
  const clock = [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':');
  return `${match[1]}T${clock}.${millis}Z`;
}
