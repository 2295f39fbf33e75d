import { proseOf } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** An Inputs / Outputs item that describes something the caller sends. */
const INPUT = /\b(?:request|body|parameters?|params?|query|fields?|input|arguments?|payload|form|upload)\b/i;

/** A type, format or domain: what a generator would need to produce valid and invalid values. */
const TYPED =
  /\b(?:string|integer|int|number|numeric|decimal|boolean|bool|json|csv|xml|yaml|text|date|time|timestamp|uuid|email|url|enum|array|list|object|characters?|chars|digits?|bytes|format|iso|rfc|utf-8|base64|one\s+of|either)\b|\[[^\]]+\]|\b[A-Z]{4}-[A-Z]{2}-[A-Z]{2}\b/i;

/** An input without its type leaves every implementation to guess what is valid. */
export const inputWithoutType: LintRule = {
  meta: {
    id: 'input-without-type',
    code: 'SG6014',
    severity: 'warning',
    description:
      'Every input named in Inputs / Outputs states its type or format (JSON, integer, 1 to 64 characters of [a-z]...).',
  },
  check(spec) {
    const io = proseOf(spec, 'io');
    if (!io) return [];
    return io.section.items
      .filter((item) => INPUT.test(item.text) && !TYPED.test(item.text))
      .map((item) =>
        report(inputWithoutType.meta, {
          message: `Of which type or format is the input in "${item.text.length > 60 ? `${item.text.slice(0, 57)}...` : item.text}", and which values are invalid?`,
          place: item.place,
          found: item.text,
          expected: 'a type or format, e.g. "a JSON object", "an integer from 1 to 100", "text/csv, UTF-8"',
        }),
      );
  },
};
