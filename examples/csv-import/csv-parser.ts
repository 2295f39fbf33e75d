/**
 * A strict RFC 4180 reader that numbers records (not lines): a quoted field spanning
 * lines is one record. Records end at LF or CRLF; a final line break is optional, so
 * a line break at the very end of the text does not start a record, while any other
 * empty line is a record of one empty field (which the field-count rule rejects).
 *
 * Quoting errors do not stop the reader: the record is flagged and the rest of the
 * broken field, up to the next `,` or line break, is kept as text, so the records
 * after it keep their numbers and can be judged too.
 */
import type { CsvRecord } from './contract.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export function parseCsvRecords(text: string): CsvRecord[] {
  const reader = new RecordReader(text);
  const records: CsvRecord[] = [];
  while (!reader.atEnd()) records.push(reader.readRecord(records.length + 1));
  return records;
}

class RecordReader {
  private pos = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  readRecord(number: number): CsvRecord {
    const record: CsvRecord = { number, line: this.line, fields: [], malformed: false };
    for (;;) {
      record.fields.push(
        this.text.charCodeAt(this.pos) === QUOTE ? this.readQuoted(record) : this.readUnquoted(record),
      );
      if (this.atEnd()) return record;
      if (this.text.charCodeAt(this.pos) === COMMA) {
        this.pos += 1;
        continue;
      }
      this.pos += this.text.charCodeAt(this.pos) === CR ? 2 : 1; // fields end only at `,`, LF or CRLF
      this.line += 1;
      return record;
    }
  }

  /** Reads up to the next delimiter; a quote or a lone CR there breaks the record. */
  private readUnquoted(record: CsvRecord): string {
    const start = this.pos;
    const end = this.delimiterFrom(start);
    const value = this.text.slice(start, end);
    if (value.includes('"') || value.includes('\r')) record.malformed = true;
    this.pos = end;
    return value;
  }

  private readQuoted(record: CsvRecord): string {
    let value = '';
    let from = this.pos + 1;
    for (;;) {
      const quote = this.text.indexOf('"', from);
      if (quote === -1) {
        // Unclosed quote: the field runs to the end of the text.
        value += this.consumeText(from, this.text.length);
        record.malformed = true;
        return value;
      }
      value += this.consumeText(from, quote);
      if (this.text.charCodeAt(quote + 1) === QUOTE) {
        value += '"';
        from = quote + 2;
        continue;
      }
      this.pos = quote + 1;
      break;
    }
    if (!this.atEnd() && !this.isDelimiterAt(this.pos)) {
      record.malformed = true; // text after the closing quote
      const end = this.delimiterFrom(this.pos);
      value += this.text.slice(this.pos, end);
      this.pos = end;
    }
    return value;
  }

  /** Text of a quoted field between `from` and `to`, counting the line breaks it spans. */
  private consumeText(from: number, to: number): string {
    const chunk = this.text.slice(from, to);
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) this.line += 1;
    this.pos = to;
    return chunk;
  }

  private delimiterFrom(from: number): number {
    let i = from;
    while (i < this.text.length && !this.isDelimiterAt(i)) i += 1;
    return i;
  }

  private isDelimiterAt(i: number): boolean {
    const code = this.text.charCodeAt(i);
    return code === COMMA || code === LF || (code === CR && this.text.charCodeAt(i + 1) === LF);
  }
}
