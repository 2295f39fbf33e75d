/**
 * The edges of a generator: the values a property tries before random ones, whatever its `runs`.
 * Random draws rarely land on a bound (a 1..64 length is 64 one time in 64), and bounds are where
 * implementations go wrong, so each bounded generator yields its minimum, its maximum and the
 * values next to them; dates add the calendar's edges, text the characters that break naive
 * handling; `always` adds the spec author's own. Edges are a function of the generator and the
 * property seed only, so a seed (and a fast-check path) replays them exactly.
 */
import fc from 'fast-check';
import type { CsvGenerator, Generator } from '../../ir.js';
import { csvEdgeDocuments } from './csv.js';
import { formatIsoDate, formatUnits, ladder, parseIsoDate } from './scalars.js';

/** Values tried first, and a short description of each for the report (`length 64`, `2000-02-29`). */
export interface Edges {
  values: unknown[];
  tried: string[];
}

type ArbitraryFor = (generator: Generator) => fc.Arbitrary<unknown>;

const NONE: Edges = { values: [], tried: [] };

/** `count` values drawn from `arbitrary` with a fixed seed: deterministic filler. */
function draw<T>(arbitrary: fc.Arbitrary<T>, seed: number, count: number): T[] {
  return count <= 0 ? [] : fc.sample(arbitrary, { seed, numRuns: count });
}

function described(
  values: unknown[],
  describe: (value: unknown) => string = (v) => JSON.stringify(v),
): Edges {
  return { values, tried: values.map(describe) };
}

function codePoints(text: string): number {
  return [...text].length;
}

export function edgesOf(generator: Generator, seed: number, arbitraryFor: ArbitraryFor): Edges {
  const own = shapeEdges(generator, seed, arbitraryFor);
  if (!generator.always?.length) return own;
  const always = generator.always;
  return {
    values: [...always, ...own.values],
    tried: [...always.map((v) => `${JSON.stringify(v)} (always)`), ...own.tried],
  };
}

/** Strings of each edge length, drawn from the generator's own alphabet. */
function lengthEdges(
  min: number,
  max: number,
  ofLength: (length: number) => fc.Arbitrary<unknown>,
  seed: number,
) {
  const values = ladder(min, max).map((length) => draw(ofLength(length), seed + length, 1)[0]);
  return { values, tried: ladder(min, max).map((length) => `length ${length}`) };
}

function shapeEdges(generator: Generator, seed: number, arbitraryFor: ArbitraryFor): Edges {
  switch (generator.kind) {
    case 'integer':
      return described(ladder(generator.min, generator.max));
    case 'decimal': {
      const factor = 10 ** generator.scale;
      const units = ladder(Math.ceil(generator.min * factor), Math.floor(generator.max * factor));
      return described(units.map((u) => formatUnits(u, generator.scale)));
    }
    case 'enum':
      return described(generator.values);
    case 'boolean':
      return described([false, true]);
    case 'slug':
    case 'string':
      return lengthEdges(
        generator.minLength,
        generator.maxLength,
        (length) => arbitraryFor({ ...generator, minLength: length, maxLength: length, always: [] }),
        seed,
      );
    case 'text':
      return textEdges(generator, seed, arbitraryFor);
    case 'date':
      return described(dateEdges(generator.min, generator.max));
    case 'timestamp':
      return described(timestampEdges(generator.min, generator.max));
    case 'list':
      return listEdges(generator, seed, arbitraryFor);
    case 'record':
      return recordEdges(generator.fields, seed, arbitraryFor);
    case 'oneOf':
      return interleave(generator.options.map((option, i) => edgesOf(option, seed + i, arbitraryFor)));
    case 'csv':
      return csvEdges(generator, seed, arbitraryFor);
    default:
      return NONE;
  }
}

/**
 * Characters implementations miscount or mangle: outside the BMP (two UTF-16 units, one code
 * point), a combining mark (two code points, one glyph), NBSP and tab (blank to some, not to
 * `trim`). Each sits inside `a…z` so text that must not start or end blank still may hold it.
 */
const TEXT_SPECIALS: Array<[string, string]> = [
  ['😀', 'a non-BMP character'],
  ['e\u0301', 'a combining mark'],
  ['\u00a0', 'NBSP'],
  ['\t', 'a tab'],
];

function textEdges(generator: Generator & { kind: 'text' }, seed: number, arbitraryFor: ArbitraryFor): Edges {
  const edges = lengthEdges(
    generator.minLength,
    generator.maxLength,
    (length) => arbitraryFor({ ...generator, minLength: length, maxLength: length, always: [] }),
    seed,
  );
  // Realistic words without specials promise nothing but words; the others may hold anything.
  if (generator.style === 'words' && !generator.specials) return edges;
  for (const [special, name] of TEXT_SPECIALS) {
    let text = `a${special}z`;
    if (codePoints(text) > generator.maxLength) continue;
    text = text.padEnd(text.length + Math.max(0, generator.minLength - codePoints(text)), 'z');
    edges.values.push(text);
    edges.tried.push(name);
  }
  return edges;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function dayOf(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / 86_400_000);
}

/**
 * The range's ends and their neighbours, then the calendar's edges inside the range: 29 February
 * of a leap year, 28 February and 1 March of years that are not (the century years 1900 and 2100,
 * and the nearest ordinary one), 2000's 29 February, the last day of every month of one year,
 * the first and last day of a year, 0001-01-01 and 9999-12-31.
 */
export function dateEdges(min: string, max: string): string[] {
  const [low, high] = [parseIsoDate(min), parseIsoDate(max)];
  const days: number[] = [...ladder(low, high)];
  const [lowYear, highYear] = [Number(min.slice(0, 4)), Number(max.slice(0, 4))];
  const years = (from: number, step: number, test: (year: number) => boolean): number | undefined => {
    for (let year = from; year >= lowYear && year <= highYear; year += step) if (test(year)) return year;
    return undefined;
  };
  const leap = years(lowYear, 1, isLeap);
  const common = years(lowYear, 1, (year) => !isLeap(year));
  for (const year of [leap, 2000]) if (year !== undefined && isLeap(year)) days.push(dayOf(year, 2, 29));
  for (const year of [common, 1900, 2100])
    if (year !== undefined) days.push(dayOf(year, 2, 28), dayOf(year, 3, 1));
  const monthsYear = leap ?? lowYear;
  for (let month = 1; month <= 12; month++) days.push(dayOf(monthsYear, month + 1, 0));
  for (let month = 1; month <= 12; month++)
    if (dayOf(monthsYear, month + 1, 0) - dayOf(monthsYear, month, 0) === 31)
      days.push(dayOf(monthsYear, month, 30));
  const middle = Math.floor((lowYear + highYear) / 2);
  days.push(dayOf(middle, 1, 1), dayOf(middle, 12, 31), dayOf(1, 1, 1), dayOf(9999, 12, 31));
  return [...new Set(days.filter((day) => day >= low && day <= high))].map(formatIsoDate);
}

/** The range's ends and their neighbours to the millisecond, then midnight of each calendar edge. */
function timestampEdges(min: string, max: string): string[] {
  const [low, high] = [Date.parse(min), Date.parse(max)];
  const calendar = dateEdges(min.slice(0, 10), max.slice(0, 10)).map((date) =>
    Date.parse(`${date}T00:00:00.000Z`),
  );
  const instants = [...ladder(low, high), ...calendar].filter((ms) => ms >= low && ms <= high);
  return [...new Set(instants)].map((ms) => new Date(ms).toISOString());
}

/** Lists of each edge size, filled with the item's edges first (rotated per list) and then drawn items. */
function listEdges(generator: Generator & { kind: 'list' }, seed: number, arbitraryFor: ArbitraryFor): Edges {
  const items = edgesOf(generator.of, seed, arbitraryFor).values;
  const key = (value: unknown) => JSON.stringify(value);
  const values: unknown[] = [];
  const tried: string[] = [];
  for (const [n, size] of ladder(generator.minLength, generator.maxLength).entries()) {
    const rotated = items.map((_, i) => items[(i + n) % items.length]);
    const pool = [
      ...rotated,
      ...draw(arbitraryFor(generator.of), seed + size, size * (generator.unique ? 3 : 1)),
    ];
    const seen = new Set<string>();
    const list: unknown[] = [];
    for (const item of pool) {
      if (list.length === size) break;
      if (generator.unique && seen.has(key(item))) continue;
      seen.add(key(item));
      list.push(item);
    }
    // A unique list of a small domain may not reach the size; that size is then no edge.
    if (list.length < size) continue;
    values.push(list);
    tried.push(`size ${size}`);
  }
  return { values, tried };
}

/**
 * Records of the fields' edges side by side: as many records as the field with the most edges,
 * the others cycling through theirs, offset per field so two fields of one generator differ,
 * and drawn values for fields without edges.
 */
export function recordEdges(
  fields: Record<string, Generator>,
  seed: number,
  arbitraryFor: ArbitraryFor,
): Edges & { byField: Record<string, string[]> } {
  const names = Object.keys(fields);
  const perField = names.map((name, i) => edgesOf(fields[name]!, seed + 7919 * i, arbitraryFor));
  const count = Math.max(0, ...perField.map((edges) => edges.values.length));
  const byField: Record<string, string[]> = {};
  const columns = names.map((name, i) => {
    const edges = perField[i]!;
    if (edges.tried.length > 0) byField[name] = edges.tried;
    if (edges.values.length === 0) return draw(arbitraryFor(fields[name]!), seed + 104_729 * (i + 1), count);
    return Array.from({ length: count }, (_, r) => edges.values[(r + i) % edges.values.length]);
  });
  const values = Array.from({ length: count }, (_, r) =>
    Object.fromEntries(names.map((name, i) => [name, columns[i]![r]])),
  );
  const tried = Object.entries(byField).map(([name, list]) => `${name}: ${list.join(', ')}`);
  return { values, tried, byField };
}

function interleave(all: Edges[]): Edges {
  const values: unknown[] = [];
  const tried: string[] = [];
  for (let i = 0; i < Math.max(0, ...all.map((edges) => edges.values.length)); i++) {
    for (const edges of all) {
      if (i >= edges.values.length) continue;
      values.push(edges.values[i]);
      tried.push(edges.tried[i]!);
    }
  }
  return { values, tried };
}

function csvEdges(generator: CsvGenerator, seed: number, arbitraryFor: ArbitraryFor): Edges {
  const columns: Record<string, Edges> = {};
  for (const name of generator.header) {
    const column = generator.columns[name];
    columns[name] = column ? edgesOf(column, seed, arbitraryFor) : NONE;
  }
  return csvEdgeDocuments(generator, columns, seed, arbitraryFor);
}
