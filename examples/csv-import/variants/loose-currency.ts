/**
 * Bug: accepts any three letters in any case (usd, QQQ, HRK) and stores them upper-cased.
 * Breaks: currency is one of the 179 ISO 4217 list-one codes, upper case.
 */
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

const parseAnyThreeLetters = (text: string): string | undefined =>
  /^[A-Za-z]{3}$/.test(text) ? text.toUpperCase() : undefined;

export default defineVariant(import.meta.url, 'loose-currency', {
  ...referenceParts,
  fieldRules: { ...referenceParts.fieldRules, currency: parseAnyThreeLetters },
});
