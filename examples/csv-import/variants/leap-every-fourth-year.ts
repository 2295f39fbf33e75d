/**
 * Bug: takes every year divisible by 4 as a leap year, accepting 1900-02-29 and 2100-02-29 (then the insert fails).
 * Breaks: date is a real date of the proleptic Gregorian calendar (century years are leap years only when divisible by 400).
 */
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export default defineVariant(import.meta.url, 'leap-every-fourth-year', {
  ...referenceParts,
  fieldRules: {
    ...referenceParts.fieldRules,
    date: (text) => {
      const match = DATE.exec(text);
      if (!match) return undefined;
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const real = year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
      return real ? text : undefined;
    },
  },
});
