/**
 * CSV documents for `csv` generators. The arbitrary produces structured
 * choices (rows of column values plus per-row dice) and renders them at the
 * end, so fast-check shrinks the structure (fewer rows, simpler values,
 * fewer malformations) and a failing document shrinks toward the smallest one.
 * Dice are numbers in [0, 1) that shrink toward 0, which means "nothing
 * special": a record is malformed when its die is >= 1 - malformedRate.
 */
import fc from 'fast-check';
import type { CsvGenerator, GeneratedCsv, Generator } from '../../ir.js';
import type { Edges } from './edges.js';
import { ladder } from './scalars.js';

type CsvRecord = GeneratedCsv['records'][number];

interface RowChoice {
  values: Record<string, string>;
  malformDie: number;
  duplicateDie: number;
  quoteDice: number[];
  pick: number;
  /** Which of the malformation's values (edge documents name each one); `pick` otherwise. */
  valuePick?: number;
  padding: number;
}

interface DocumentChoice {
  rows: RowChoice[];
  bom: boolean;
  lineBreak: 'lf' | 'crlf';
  finalLineBreak: boolean;
}

const DIE_FACES = 2 ** 32;
/**
 * Uniform in value, so a rate holds: fc.double draws uniformly over the doubles' bit patterns,
 * nearly all of them tiny, which made a rate of 0.4 come out near 0.02.
 */
const die = fc.integer({ min: 0, max: DIE_FACES - 1 }).map((face) => face / DIE_FACES);
const PADDINGS = [' ', '  ', '\t', ' \t '];

function choice(value: boolean | 'maybe'): fc.Arbitrary<boolean> {
  return value === 'maybe' ? fc.boolean() : fc.constant(value);
}

function fieldNeedsQuotes(field: string): boolean {
  return /[",\r\n]/.test(field);
}

export function quoteField(field: string, force: boolean): string {
  return force || fieldNeedsQuotes(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

function renderRecord(fields: string[], quoteDice: number[], quoteRate: number): string {
  // A lone empty field would render as a blank line, which is a different record.
  if (fields.length === 1 && fields[0] === '') return '""';
  return fields.map((field, i) => quoteField(field, (quoteDice[i] ?? 0) >= 1 - quoteRate)).join(',');
}

/** Column values as strings (generators of other types are stringified). */
function stringArbitrary(arbitraryFor: (g: Generator) => fc.Arbitrary<unknown>, generator: Generator) {
  return arbitraryFor(generator).map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
}

export function csvArbitrary(
  generator: CsvGenerator,
  arbitraryFor: (g: Generator) => fc.Arbitrary<unknown>,
): fc.Arbitrary<GeneratedCsv> {
  const columnArbitraries: Record<string, fc.Arbitrary<string>> = {};
  for (const name of generator.header) {
    const column = generator.columns[name];
    columnArbitraries[name] = column ? stringArbitrary(arbitraryFor, column) : fc.constant('');
  }
  const row: fc.Arbitrary<RowChoice> = fc.record({
    values: fc.record(columnArbitraries),
    malformDie: die,
    duplicateDie: die,
    quoteDice: fc.array(die, {
      minLength: generator.header.length + 1,
      maxLength: generator.header.length + 1,
    }),
    pick: fc.nat(),
    padding: fc.nat({ max: PADDINGS.length - 1 }),
  });
  const document: fc.Arbitrary<DocumentChoice> = fc.record({
    rows: fc.array(row, { minLength: generator.rows.min, maxLength: generator.rows.max }),
    bom: choice(generator.bom),
    lineBreak: fc.constantFrom(...generator.lineBreaks),
    finalLineBreak: choice(generator.finalLineBreak),
  });
  return document.map((choices) => renderCsv(generator, choices));
}

function duplicateKey(generator: CsvGenerator, values: Record<string, string>): string {
  const columns = generator.duplicateColumns ?? generator.header;
  return JSON.stringify(columns.map((column) => (values[column] ?? '').trim()));
}

/** Turns structured choices into the document and its ground truth. */
export function renderCsv(generator: CsvGenerator, choices: DocumentChoice): GeneratedCsv {
  const { header, malformations } = generator;
  const lines = [renderRecord(header, [], 0)];
  const records: CsvRecord[] = [];
  const firstByKey = new Map<string, number>();
  const wellFormed: CsvRecord[] = [];

  for (const [i, choice] of choices.rows.entries()) {
    const number = i + 2;
    const values = { ...choice.values };
    let record: CsvRecord;
    const malformation =
      malformations.length > 0 && choice.malformDie >= 1 - generator.malformedRate
        ? malformations[choice.pick % malformations.length]
        : undefined;

    if (malformation && 'column' in malformation) {
      values[malformation.column] =
        malformation.values[(choice.valuePick ?? choice.pick) % malformation.values.length] ?? '';
      const fields = header.map((name) => values[name] ?? '');
      record = { number, fields, values, malformed: true, malformation: malformation.name };
    } else if (malformation) {
      const complete = header.map((name) => values[name] ?? '');
      const fields =
        malformation.record === 'extra-field'
          ? [...complete, complete[0] ?? 'extra']
          : malformation.record === 'missing-field'
            ? complete.slice(0, -1)
            : [];
      record = { number, fields, values: {}, malformed: true, malformation: malformation.name };
    } else {
      if (wellFormed.length > 0 && choice.duplicateDie >= 1 - generator.duplicateRate) {
        const original = wellFormed[choice.pick % wellFormed.length]!;
        for (const column of generator.duplicateColumns ?? header)
          values[column] = original.values[column] ?? '';
        const pad = PADDINGS[choice.padding] ?? ' ';
        for (const column of generator.padColumns ?? [])
          values[column] = `${pad}${values[column] ?? ''}${pad}`;
      }
      const fields = header.map((name) => values[name] ?? '');
      record = { number, fields, values, malformed: false };
      const key = duplicateKey(generator, values);
      const first = firstByKey.get(key);
      if (first === undefined) firstByKey.set(key, number);
      else record.duplicateOf = first;
      wellFormed.push(record);
    }
    records.push(record);
    lines.push(
      record.fields.length === 0 ? '' : renderRecord(record.fields, choice.quoteDice, generator.quoteRate),
    );
  }

  const lineBreak = choices.lineBreak === 'crlf' ? '\r\n' : '\n';
  // A trailing blank record is only visible when a final line break follows it.
  const finalLineBreak = choices.finalLineBreak || records.at(-1)?.fields.length === 0;
  const text = (choices.bom ? '\uFEFF' : '') + lines.join(lineBreak) + (finalLineBreak ? lineBreak : '');
  return {
    text,
    records,
    malformed: records.filter((record) => record.malformed).map((record) => record.number),
    bom: choices.bom,
    lineBreak: choices.lineBreak,
    finalLineBreak,
    bytes: Buffer.byteLength(text, 'utf8'),
  };
}

/**
 * Documents tried before random ones: one of each edge row count (`rows` bounds and their
 * neighbours) whose rows carry the columns' edges in turn (more documents of the most rows until
 * every column edge has appeared), then, when the spec asks for malformations, documents with
 * each malformation and each of its values once. No quoting beyond need, no duplicates.
 */
export function csvEdgeDocuments(
  generator: CsvGenerator,
  columns: Record<string, Edges>,
  seed: number,
  arbitraryFor: (g: Generator) => fc.Arbitrary<unknown>,
): Edges {
  const { header, rows } = generator;
  const width = header.length + 1;
  const edgeCount = Math.max(0, ...Object.values(columns).map((edges) => edges.values.length));
  const drawn = (name: string, count: number, salt: number): string[] => {
    const column = generator.columns[name];
    if (!column || count === 0) return Array<string>(count).fill('');
    return fc.sample(stringArbitrary(arbitraryFor, column), { seed: seed + salt, numRuns: count });
  };
  let next = 0;
  const wellFormed = (count: number, salt: number): RowChoice[] => {
    const filler = Object.fromEntries(header.map((name) => [name, drawn(name, count, salt)]));
    return Array.from({ length: count }, (_, r) => {
      const index = next++;
      const values: Record<string, string> = {};
      for (const name of header) {
        const edges = columns[name]?.values ?? [];
        const value = edges.length > 0 ? edges[index % edges.length] : filler[name]![r];
        values[name] = typeof value === 'string' ? value : JSON.stringify(value);
      }
      return {
        values,
        malformDie: 0,
        duplicateDie: 0,
        quoteDice: Array<number>(width).fill(0),
        pick: 0,
        padding: 0,
      };
    });
  };
  const sizes = ladder(rows.min, rows.max);
  const documents: RowChoice[][] = sizes.map((size, d) => wellFormed(size, d));
  while (next < edgeCount && rows.max > 0) documents.push(wellFormed(rows.max, documents.length));
  const tried = sizes.map((size) => `${size} rows`);
  if (next > sizes.reduce((a, b) => a + b, 0))
    tried.push(`${documents.length - sizes.length} more of ${rows.max} rows`);

  if (generator.malformedRate > 0 && rows.max > 0) {
    const malformed: RowChoice[] = [];
    for (const [pick, malformation] of generator.malformations.entries()) {
      const count = 'column' in malformation ? malformation.values.length : 1;
      for (let valuePick = 0; valuePick < count; valuePick++) {
        const [row] = wellFormed(1, 1000 + malformed.length);
        malformed.push({ ...row!, malformDie: 1 - Number.EPSILON, pick, valuePick });
      }
    }
    for (let start = 0; start < malformed.length; start += rows.max) {
      const chunk = malformed.slice(start, start + rows.max);
      documents.push([...chunk, ...wellFormed(Math.max(0, rows.min - chunk.length), 2000 + start)]);
    }
    if (malformed.length > 0) tried.push(`each malformation value once (${malformed.length} records)`);
  }
  const values = documents.map((rowChoices) =>
    renderCsv(generator, {
      rows: rowChoices,
      bom: generator.bom === true,
      lineBreak: generator.lineBreaks[0] ?? 'lf',
      finalLineBreak: generator.finalLineBreak !== false,
    }),
  );
  return { values, tried };
}
