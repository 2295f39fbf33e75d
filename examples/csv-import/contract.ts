/**
 * The decisions of /work/shared/contracts/csv-import.md that the code refers to by name,
 * and the data types that flow through an import.
 */

export const IMPORT_LIMITS = {
  /** 10 MiB: a body of 10485761 bytes or more is answered 413 too_large. */
  maxBodyBytes: 10 * 1024 * 1024,
  /** More data records than this are answered 413 too_many_rows. */
  maxDataRecords: 50_000,
} as const;

export interface ImportLimits {
  maxBodyBytes: number;
  maxDataRecords: number;
}

export const EXPECTED_HEADER: readonly string[] = ['date', 'amount', 'currency', 'description'];

/** Largest absolute amount, in cents (999999999.99). */
export const MAX_ABS_AMOUNT_CENTS = 99_999_999_999n;

export const MAX_DESCRIPTION_CODE_POINTS = 500;

/** One record of the file as the CSV grammar sees it, before any field rule. */
export interface CsvRecord {
  /** Record number: the header is 1, the first data record 2. */
  number: number;
  /** Physical line (1-based) on which the record starts; differs from `number` after multi-line fields. */
  line: number;
  fields: string[];
  /** Broken quoting: a bare quote or CR in an unquoted field, text after a closing quote, an unclosed quote. */
  malformed: boolean;
}

/** A valid data record, or a row already stored, in the shape duplicate keys are computed from. */
export interface TransactionRow {
  /** `YYYY-MM-DD`. */
  date: string;
  amountCents: number;
  currency: string;
  /** Trimmed: the value stored. */
  description: string;
  /** Amount and description exactly as written in the file (for stored rows: their stored form). */
  asWritten: { amount: string; description: string };
}

export interface ImportCounts {
  imported: number;
  skippedDuplicates: number;
}

/** Everything an import can end in; mapped to HTTP by `respond`. */
export type ImportOutcome =
  | ({ kind: 'imported' } & ImportCounts)
  | { kind: 'too_large' }
  | { kind: 'invalid_header' }
  | { kind: 'too_many_rows' }
  | { kind: 'invalid_rows'; rows: number[] }
  | { kind: 'unavailable'; cause: unknown };

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}
