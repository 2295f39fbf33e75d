/**
 * Bug: measures descriptions in UTF-16 code units (String#length), so 500 emoji (1000 units) are "too long".
 * Breaks: description is 1 to 500 characters counted as code points.
 */
import { MAX_DESCRIPTION_CODE_POINTS } from '../contract.js';
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

function parseDescriptionByUnits(text: string): string | undefined {
  if (text.includes('\0')) return undefined;
  const trimmed = text.trim();
  return trimmed.length >= 1 && trimmed.length <= MAX_DESCRIPTION_CODE_POINTS ? trimmed : undefined;
}

export default defineVariant(import.meta.url, 'description-utf16-length', {
  ...referenceParts,
  fieldRules: { ...referenceParts.fieldRules, description: parseDescriptionByUnits },
});
