/**
 * Bug: accepts amounts with no, one or two decimals and a comma as decimal separator (1, 1.5, 1,50).
 * Breaks: amount is `-?[0-9]+\.[0-9]{2}`, exactly two decimals.
 */
import { MAX_ABS_AMOUNT_CENTS } from '../contract.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

const LOOSE_AMOUNT = /^(-?)([0-9]+)(?:[.,]([0-9]{1,2}))?$/;

function parseLooseAmountCents(text: string): number | undefined {
  const match = LOOSE_AMOUNT.exec(text);
  if (!match) return undefined;
  const magnitude = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '0').padEnd(2, '0'));
  if (magnitude > MAX_ABS_AMOUNT_CENTS) return undefined;
  return Number(match[1] === '-' ? -magnitude : magnitude);
}

export default defineVariant(import.meta.url, 'loose-amount', {
  ...referenceParts,
  fieldRules: { ...referenceParts.fieldRules, amountCents: parseLooseAmountCents },
});
