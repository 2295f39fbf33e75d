/**
 * Bug: decodes the body with Buffer#toString, which keeps a leading BOM, so the header reads "\uFEFFdate,…".
 * Breaks: "an optional UTF-8 BOM is ignored".
 */
import { referenceParts } from '../pipeline.js';
import { defineVariant } from '../variant.js';

export default defineVariant(import.meta.url, 'bom-kept', {
  ...referenceParts,
  decodeBody: (bytes) => bytes.toString('utf8'),
});
