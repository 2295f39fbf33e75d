/**
 * Bug: checks only the shape and ranges (month 01-12, day 01-31), accepting 2025-02-30 or 2023-04-31.
 * Breaks: date is a real date of the proleptic Gregorian calendar.
 */
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

const DATE_SHAPE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

export default defineVariant(import.meta.url, 'impossible-dates', {
  ...referenceParts,
  fieldRules: {
    ...referenceParts.fieldRules,
    date: (text) => (DATE_SHAPE.test(text) && !text.startsWith('0000') ? text : undefined),
  },
});
