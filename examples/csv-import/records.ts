/** Turns data records into rows, collecting the number of every malformed record. */
import { EXPECTED_HEADER } from './contract.js';
import type { CsvRecord, TransactionRow } from './contract.js';
import type { FieldRules } from './fields.js';

export interface RecordValidation {
  rows: TransactionRow[];
  /** Record numbers of malformed records, ascending. */
  malformed: number[];
}

export function validateRecords(records: readonly CsvRecord[], rules: FieldRules): RecordValidation {
  const rows: TransactionRow[] = [];
  const malformed: number[] = [];
  for (const record of records) {
    const row = toTransactionRow(record, rules);
    if (row) rows.push(row);
    else malformed.push(record.number);
  }
  return { rows, malformed };
}

export function toTransactionRow(record: CsvRecord, rules: FieldRules): TransactionRow | undefined {
  if (record.malformed || record.fields.length !== EXPECTED_HEADER.length) return undefined;
  const [dateText, amountText, currencyText, descriptionText] = record.fields as [
    string,
    string,
    string,
    string,
  ];
  const date = rules.date(dateText);
  const amountCents = rules.amountCents(amountText);
  const currency = rules.currency(currencyText);
  const description = rules.description(descriptionText);
  if (
    date === undefined ||
    amountCents === undefined ||
    currency === undefined ||
    description === undefined
  ) {
    return undefined;
  }
  return {
    date,
    amountCents,
    currency,
    description,
    asWritten: { amount: amountText, description: descriptionText },
  };
}
