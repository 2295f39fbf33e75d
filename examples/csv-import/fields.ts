/** The contract's rule for each column: a parsed value, or undefined when the field is malformed. */
import currencyCodes from 'currency-codes';
import { MAX_ABS_AMOUNT_CENTS, MAX_DESCRIPTION_CODE_POINTS } from './contract.js';

export interface FieldRules {
  /** The date when it is a real `YYYY-MM-DD` date. */
  date(text: string): string | undefined;
  /** The amount in cents. */
  amountCents(text: string): number | undefined;
  /** The currency code to store. */
  currency(text: string): string | undefined;
  /** The description to store (trimmed). */
  description(text: string): string | undefined;
}

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Proleptic Gregorian, years 0001 to 9999. */
export function parseDate(text: string): string | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return text;
}

const AMOUNT = /^(-?)([0-9]+)\.([0-9]{2})$/;

/** Exactly two decimals, at most 999999999.99 in absolute value; BigInt keeps long zero-padded amounts exact. */
export function parseAmountCents(text: string): number | undefined {
  const match = AMOUNT.exec(text);
  if (!match) return undefined;
  const magnitude = BigInt(match[2]!) * 100n + BigInt(match[3]!);
  if (magnitude > MAX_ABS_AMOUNT_CENTS) return undefined;
  return Number(match[1] === '-' ? -magnitude : magnitude);
}

/** ISO 4217 list one as shipped by currency-codes 2.2.0 (179 codes), upper case only. */
const LISTED_CURRENCIES: ReadonlySet<string> = new Set(currencyCodes.codes());

export function parseCurrency(text: string): string | undefined {
  return LISTED_CURRENCIES.has(text) ? text : undefined;
}

/** 1 to 500 code points after String.prototype.trim(); NUL is refused because PostgreSQL text cannot hold it. */
export function parseDescription(text: string): string | undefined {
  if (text.includes('\0')) return undefined;
  const trimmed = text.trim();
  return trimmed.length > 0 && countCodePoints(trimmed) <= MAX_DESCRIPTION_CODE_POINTS ? trimmed : undefined;
}

/** A code point takes one or two UTF-16 units, so long texts are decided without spreading them. */
function countCodePoints(text: string): number {
  return text.length > 2 * MAX_DESCRIPTION_CODE_POINTS ? text.length : [...text].length;
}

export const contractFieldRules: FieldRules = {
  date: parseDate,
  amountCents: parseAmountCents,
  currency: parseCurrency,
  description: parseDescription,
};
