/**
 * Bug: reads bodies of any size.
 * Breaks: body over 10 MiB (10485760 bytes) → 413 too_large.
 */
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'no-size-limit', {
  ...referenceParts,
  limits: { ...referenceParts.limits, maxBodyBytes: Number.POSITIVE_INFINITY },
});
