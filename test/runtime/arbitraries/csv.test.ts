import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CsvGenerator, GeneratedCsv } from '../../../src/ir.js';
import { arbitraryFor, CURRENCY_CODES } from '../../../src/runtime/arbitraries/index.js';

/** A small RFC 4180 reader, independent of the generator: records with their numbers (header = 1). */
function parseCsv(input: string): { records: string[][]; bom: boolean } {
  const bom = input.startsWith('\uFEFF');
  const text = bom ? input.slice(1) : input;
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  const endRecord = () => {
    fields.push(field);
    records.push(fields.length === 1 && fields[0] === '' && !quoted ? [] : fields);
    fields = [];
    field = '';
    quoted = false;
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field === '' && !quoted) {
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else if (char === ',') {
      fields.push(field);
      field = '';
      quoted = false;
      i++;
    } else if (char === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 2;
    } else if (char === '\n') {
      endRecord();
      i++;
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return { records, bom };
}

const transactions: CsvGenerator = {
  kind: 'csv',
  header: ['date', 'amount', 'currency', 'description'],
  columns: {
    date: { kind: 'date', min: '0001-01-01', max: '9999-12-31' },
    amount: { kind: 'decimal', min: -999999999.99, max: 999999999.99, scale: 2 },
    currency: { kind: 'iso', standard: 'currency' },
    description: { kind: 'text', minLength: 1, maxLength: 40, style: 'words', specials: true },
  },
  rows: { min: 0, max: 12 },
  malformedRate: 0.3,
  malformations: [
    { name: 'bad-date', column: 'date', values: ['2025-02-30', '2024-1-01'] },
    { name: 'bad-currency', column: 'currency', values: ['HRK', 'usd'] },
    { name: 'extra', record: 'extra-field' },
    { name: 'missing', record: 'missing-field' },
    { name: 'blank', record: 'blank-line' },
  ],
  duplicateRate: 0.3,
  duplicateColumns: ['date', 'amount', 'description'],
  padColumns: ['description'],
  lineBreaks: ['lf', 'crlf'],
  bom: 'maybe',
  finalLineBreak: 'maybe',
  quoteRate: 0.2,
};

const csv = arbitraryFor(transactions) as fc.Arbitrary<GeneratedCsv>;

describe('csv generator', () => {
  test('a rendered document parses back to the same records', () => {
    fc.assert(
      fc.property(csv, (doc) => {
        const parsed = parseCsv(doc.text);
        expect(parsed.bom).toBe(doc.bom);
        expect(parsed.records[0]).toEqual(transactions.header);
        expect(parsed.records.slice(1)).toEqual(doc.records.map((record) => record.fields));
        expect(doc.bytes).toBe(Buffer.byteLength(doc.text));
        expect(doc.text.endsWith(doc.lineBreak === 'crlf' ? '\r\n' : '\n')).toBe(doc.finalLineBreak);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  test('record numbers and malformed numbers are right', () => {
    fc.assert(
      fc.property(csv, (doc) => {
        doc.records.forEach((record, i) => expect(record.number).toBe(i + 2));
        const malformed = doc.records.filter((record) => record.malformed).map((record) => record.number);
        expect(doc.malformed).toEqual(malformed);
        expect([...doc.malformed].sort((a, b) => a - b)).toEqual(doc.malformed);
        for (const record of doc.records) {
          if (record.malformation === 'blank') expect(record.fields).toEqual([]);
          if (record.malformation === 'extra') expect(record.fields).toHaveLength(5);
          if (record.malformation === 'missing') expect(record.fields).toHaveLength(3);
          if (!record.malformed) {
            expect(record.fields).toHaveLength(4);
            expect(CURRENCY_CODES).toContain(record.values.currency);
            expect(record.values.amount).toMatch(/^-?\d+\.\d{2}$/);
          }
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('duplicates copy the key columns of an earlier record, padded', () => {
    let duplicates = 0;
    fc.assert(
      fc.property(csv, (doc) => {
        for (const record of doc.records) {
          if (record.duplicateOf === undefined) continue;
          duplicates++;
          const original = doc.records.find((other) => other.number === record.duplicateOf)!;
          expect(original.number).toBeLessThan(record.number);
          expect(record.values.date).toBe(original.values.date);
          expect(record.values.description!.trim()).toBe(original.values.description!.trim());
        }
      }),
      { numRuns: 200, seed: 3 },
    );
    expect(duplicates).toBeGreaterThan(100);
  });

  test('each rate holds: the share of malformed records, of repeats and of quoted fields is the one stated', () => {
    let records = 0;
    let malformed = 0;
    let repeatable = 0;
    let repeats = 0;
    fc.assert(
      fc.property(csv, (doc) => {
        let wellFormedBefore = 0;
        for (const record of doc.records) {
          records++;
          if (record.malformed) {
            malformed++;
            continue;
          }
          if (wellFormedBefore++ === 0) continue;
          repeatable++;
          if (record.duplicateOf !== undefined) repeats++;
        }
      }),
      { numRuns: 1000, seed: 21 },
    );
    expect(malformed / records).toBeCloseTo(transactions.malformedRate, 1);
    expect(repeats / repeatable).toBeCloseTo(transactions.duplicateRate, 1);

    const quoting: CsvGenerator = { ...transactions, malformedRate: 0, duplicateRate: 0, quoteRate: 0.5 };
    const plain = /^[\w.-]+$/;
    let unquotedFields = 0;
    let quoted = 0;
    fc.assert(
      fc.property(arbitraryFor(quoting) as fc.Arbitrary<GeneratedCsv>, (doc) => {
        // Dates and amounts need no quotes, so a quoted one was quoted by the die alone.
        for (const line of doc.text.split(/\r?\n/).slice(1, -1)) {
          for (const field of line.split(',').slice(0, 2)) {
            if (plain.test(field)) unquotedFields++;
            else if (/^"[\w.-]+"$/.test(field)) quoted++;
          }
        }
      }),
      { numRuns: 300, seed: 22 },
    );
    expect(quoted / (quoted + unquotedFields)).toBeCloseTo(quoting.quoteRate, 1);
  });

  test("a property over files with repeats sees one within a criterion's runs, whatever the seed", () => {
    // A criterion about repeated rows passes vacuously when its runs never generate one: the
    // csv-import spec's AC-7 (12 runs, 1 to 40 rows, rate 0.4) saw none for 1 seed in 10.
    const repeating: CsvGenerator = {
      ...transactions,
      columns: { ...transactions.columns, date: { kind: 'date', min: '2024-01-01', max: '2024-01-03' } },
      rows: { min: 1, max: 40 },
      malformedRate: 0,
      malformations: [],
      duplicateRate: 0.4,
    };
    const arbitrary = arbitraryFor(repeating) as fc.Arbitrary<GeneratedCsv>;
    const seedsWithout: number[] = [];
    for (let seed = 0; seed < 200; seed++) {
      let seen = false;
      fc.check(
        fc.property(arbitrary, (doc) => {
          seen ||= doc.records.some((record) => record.duplicateOf !== undefined);
        }),
        { numRuns: 12, seed },
      );
      if (!seen) seedsWithout.push(seed);
    }
    expect(seedsWithout).toEqual([]);
  });

  test('shrinking brings a failing document toward the smallest one', () => {
    const details = fc.check(
      fc.property(csv, (doc) => !doc.records.some((record) => record.malformation === 'bad-currency')),
      { numRuns: 500, seed: 11 },
    );
    expect(details.failed).toBe(true);
    const [doc] = details.counterexample as [GeneratedCsv];
    expect(doc.records).toHaveLength(1);
    expect(doc.records[0]!.malformation).toBe('bad-currency');
  });

  test('values replay from seed and path', () => {
    const first = fc.sample(csv, { seed: 99, numRuns: 5 });
    const again = fc.sample(csv, { seed: 99, numRuns: 5 });
    expect(again).toEqual(first);
  });
});

describe('other generators', () => {
  test('currency codes are the 179 codes of currency-codes 2.2.0', () => {
    expect(CURRENCY_CODES).toHaveLength(179);
    expect(CURRENCY_CODES).not.toContain('HRK');
    expect(CURRENCY_CODES).not.toContain('SLL');
    expect(CURRENCY_CODES).toContain('JPY');
  });

  test('text has the requested code-point length and no blank ends', () => {
    const text = arbitraryFor({ kind: 'text', minLength: 1, maxLength: 30, style: 'words', specials: true });
    fc.assert(
      fc.property(text, (value) => {
        const length = [...(value as string)].length;
        expect(length).toBeGreaterThanOrEqual(1);
        expect(length).toBeLessThanOrEqual(30);
        expect((value as string).trim()).toBe(value);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  test('dates, decimals, slugs and faker methods', () => {
    const [date] = fc.sample(arbitraryFor({ kind: 'date', min: '0001-01-01', max: '0001-12-31' }), {
      seed: 1,
      numRuns: 1,
    });
    expect(date).toMatch(/^0001-\d{2}-\d{2}$/);
    const decimals = fc.sample(arbitraryFor({ kind: 'decimal', min: -1, max: 1, scale: 2 }), {
      seed: 2,
      numRuns: 100,
    });
    for (const value of decimals) expect(value).toMatch(/^-?[01]\.\d{2}$/);
    const slugs = fc.sample(arbitraryFor({ kind: 'slug', minLength: 1, maxLength: 64 }), {
      seed: 3,
      numRuns: 50,
    });
    for (const value of slugs) expect(value).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    const names = fc.sample(arbitraryFor({ kind: 'faker', method: 'person.firstName' }), {
      seed: 4,
      numRuns: 3,
    });
    expect(
      fc.sample(arbitraryFor({ kind: 'faker', method: 'person.firstName' }), { seed: 4, numRuns: 3 }),
    ).toEqual(names);
    expect(() => arbitraryFor({ kind: 'faker', method: 'person.nope' })).toThrow(/unknown faker method/);
  });
});
