import { allProse, matchesOf, placeIn, quoted, sectionProse } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** Retries by the caller or the implementation; `Retry-After` is a header, not a retry. */
const RETRY =
  /\b(?:retr(?:y|ies|ied|ying)(?!-after)|re-?send(?:s|ing)?|re-?deliver(?:y|ed|s)?|replay(?:s|ed)?|at[-\s]least[-\s]once)\b/gi;

const IDEMPOTENCY =
  /\b(?:idempoten(?:t|cy)|idempotency[-\s]key|exactly[-\s]once|dedup(?:e|licat\w*)?|duplicates?|same\s+(?:result|answer|effect)|twice|only\s+once)\b/i;

/** A retried write that is not idempotent happens twice. */
export const retryWithoutIdempotency: LintRule = {
  meta: {
    id: 'retry-without-idempotency',
    code: 'SG6017',
    severity: 'warning',
    description:
      'A spec that mentions retries says whether a retried request is idempotent (same effect, no duplicate).',
  },
  check(spec) {
    if (IDEMPOTENCY.test(allProse(spec))) return [];
    return spec.sections.flatMap((section) => {
      const prose = sectionProse(section);
      const [first] = matchesOf(prose.masked, RETRY);
      if (!first) return [];
      return [
        report(retryWithoutIdempotency.meta, {
          message: `"${quoted(first[0])}": is a retried request idempotent? What happens when the same request arrives twice?`,
          place: placeIn(prose, first.index, first.index + first[0].length),
          found: quoted(first[0]),
          expected:
            'a statement such as "a retried request with the same Idempotency-Key stores nothing twice"',
        }),
      ];
    });
  },
};
