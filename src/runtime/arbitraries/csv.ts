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

type CsvRecord = GeneratedCsv['records'][number];

interface RowChoice {
  values: Record<string, string>;
  malformDie: number;
  duplicateDie: number;
  quoteDice: number[];
  pick: number;
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
      values[malformation.column] = malformation.values[choice.pick % malformation.values.length] ?? '';
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
