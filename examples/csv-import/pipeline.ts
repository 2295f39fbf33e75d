/**
 * An import as a pipeline of named parts, in the contract's order: body size, header,
 * number of data records, records, database. `referenceParts` is the contract; a
 * known-bad variant (see variants/) replaces exactly one part, so the reference code
 * carries no switches for bugs.
 */
import type { Pool } from 'pg';
import { EXPECTED_HEADER, IMPORT_LIMITS } from './contract.js';
import type { CsvRecord, HttpAnswer, ImportLimits, ImportOutcome, TransactionRow } from './contract.js';
import { parseCsvRecords } from './csv-parser.js';
import { writeInOneTransaction } from './database.js';
import type { WriteImport } from './database.js';
import { contractDuplicateKey, skipStoredAndEarlierDuplicates } from './duplicates.js';
import type { DuplicateKey, SelectNewRows } from './duplicates.js';
import { contractFieldRules } from './fields.js';
import type { FieldRules } from './fields.js';
import { validateRecords } from './records.js';
import type { RecordValidation } from './records.js';

/** A check on the whole file before its records are judged; returns the answer when it fails. */
export type ImportGate = (records: readonly CsvRecord[], limits: ImportLimits) => ImportOutcome | undefined;

/** What to store once the records are judged: `store` undefined stores nothing; `rejected` non-empty answers 422. */
export interface ImportPlan {
  store: TransactionRow[] | undefined;
  rejected: number[];
}

export interface CsvImportParts {
  limits: ImportLimits;
  /** Body bytes → text; an optional leading BOM is dropped. */
  decodeBody(bytes: Buffer): string;
  parseRecords(text: string): CsvRecord[];
  /** Checked in this order; the first failing gate answers. */
  gates: readonly ImportGate[];
  fieldRules: FieldRules;
  validateRecords(records: readonly CsvRecord[], rules: FieldRules): RecordValidation;
  planImport(validation: RecordValidation): ImportPlan;
  duplicateKey: DuplicateKey;
  selectNewRows: SelectNewRows;
  writeImport: WriteImport;
  respond(outcome: ImportOutcome): HttpAnswer;
}

export const headerGate: ImportGate = (records) => {
  const header = records[0];
  const exact =
    header !== undefined &&
    !header.malformed &&
    header.fields.length === EXPECTED_HEADER.length &&
    header.fields.every((field, i) => field === EXPECTED_HEADER[i]);
  return exact ? undefined : { kind: 'invalid_header' };
};

export const recordCountGate: ImportGate = (records, limits) =>
  records.length - 1 > limits.maxDataRecords ? { kind: 'too_many_rows' } : undefined;

/** TextDecoder drops one leading BOM (U+FEFF) by default. */
export function decodeUtf8WithoutBom(bytes: Buffer): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** All or nothing: one malformed record and nothing is stored. */
export function allOrNothing(validation: RecordValidation): ImportPlan {
  return validation.malformed.length > 0
    ? { store: undefined, rejected: validation.malformed }
    : { store: validation.rows, rejected: [] };
}

export function respondPerContract(outcome: ImportOutcome): HttpAnswer {
  switch (outcome.kind) {
    case 'imported':
      return {
        status: 201,
        body: { imported: outcome.imported, skipped_duplicates: outcome.skippedDuplicates },
      };
    case 'too_large':
      return { status: 413, body: { error: 'too_large' } };
    case 'invalid_header':
      return { status: 422, body: { error: 'invalid_header' } };
    case 'too_many_rows':
      return { status: 413, body: { error: 'too_many_rows' } };
    case 'invalid_rows':
      return { status: 422, body: { error: 'invalid_rows', rows: outcome.rows } };
    case 'unavailable':
      return { status: 503, body: { error: 'unavailable' } };
  }
}

export const referenceParts: CsvImportParts = {
  limits: IMPORT_LIMITS,
  decodeBody: decodeUtf8WithoutBom,
  parseRecords: parseCsvRecords,
  gates: [headerGate, recordCountGate],
  fieldRules: contractFieldRules,
  validateRecords,
  planImport: allOrNothing,
  duplicateKey: contractDuplicateKey,
  selectNewRows: skipStoredAndEarlierDuplicates,
  writeImport: writeInOneTransaction,
  respond: respondPerContract,
};

/**
 * Runs every step after the body was read within the size limit. `pool` is undefined
 * when no DATABASE_URL was given: the import then fails like an unreachable database.
 */
export async function importCsv(
  bytes: Buffer,
  parts: CsvImportParts,
  pool: Pool | undefined,
): Promise<ImportOutcome> {
  const records = parts.parseRecords(parts.decodeBody(bytes));
  for (const gate of parts.gates) {
    const failure = gate(records, parts.limits);
    if (failure) return failure;
  }
  const plan = parts.planImport(parts.validateRecords(records.slice(1), parts.fieldRules));
  let counts = { imported: 0, skippedDuplicates: 0 };
  if (plan.store) {
    if (!pool) return { kind: 'unavailable', cause: new Error('DATABASE_URL is not set') };
    try {
      counts = await parts.writeImport(pool, plan.store, (candidates, stored) =>
        parts.selectNewRows(candidates, stored, parts.duplicateKey),
      );
    } catch (cause) {
      return { kind: 'unavailable', cause };
    }
  }
  if (plan.rejected.length > 0) return { kind: 'invalid_rows', rows: plan.rejected };
  return { kind: 'imported', ...counts };
}
