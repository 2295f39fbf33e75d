import { allProse, blockAround, matchesOf, placeIn, quoted, sectionProse } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** "at most 50000 rows", "up to 10 MiB", "100 requests per minute", "max 5 retries". */
const LIMIT =
  /\b(?:at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|max(?:imum)?(?:\s+of)?|limit(?:ed)?\s+(?:of|to)|capped\s+at)\s+(\d[\d,_]*(?:\.\d+)?)(?!\s*[×x*]\s)|\b(\d[\d,_]*)\s+(?:requests?|req|calls?)\s*(?:per\b|\/|a\s+(?:second|minute|hour|day))/gi;

/** Words that say what happens past a limit. */
const OVERFLOW =
  /\b(?:over|above|exceeds?|exceeding|beyond|more\s+than|larger\s+than|longer\s+than|too\s+(?:many|large|long|big)|rejects?|rejected|refused|denied|throttled|blocked|dropped|truncated|malformed|invalid|error|4\d\d|5\d\d)\b/i;

/** A limit without the answer past it is half a decision: the implementation will choose. */
export const limitWithoutOverflowBehaviour: LintRule = {
  meta: {
    id: 'limit-without-overflow-behaviour',
    code: 'SG6010',
    severity: 'warning',
    description:
      'A size, count, rate or time limit says what happens above it (which answer, what is stored).',
  },
  check(spec) {
    const everywhere = allProse(spec);
    return spec.sections
      .filter((section) => section.kind === 'goal' || section.kind === 'io' || section.kind === 'constraints')
      .flatMap((section) => {
        const prose = sectionProse(section);
        return matchesOf(prose.masked, LIMIT)
          .filter((match) => {
            const [start, end] = blockAround(prose.masked, match.index);
            const number = Number((match[1] ?? match[2] ?? '').replace(/[,_]/g, ''));
            return !OVERFLOW.test(prose.masked.slice(start, end)) && !overflowStated(everywhere, number);
          })
          .map((match) =>
            report(limitWithoutOverflowBehaviour.meta, {
              message: `What happens above "${quoted(match[0])}": which answer does the caller get, and is anything stored?`,
              place: placeIn(prose, match.index, match.index + match[0].length),
              found: quoted(match[0]),
              expected:
                'a statement of the behaviour past the limit, e.g. "over it: 413 {"error":"too_large"}"',
            }),
          );
      });
  },
};

/** "more than 60", "over 60", "the 61st": somewhere the spec says what happens past this number. */
function overflowStated(text: string, limit: number): boolean {
  if (!Number.isFinite(limit)) return false;
  const past = new RegExp(
    `\\b(?:over|above|more than|exceeds?|exceeding|beyond)\\s+${limit}\\b|\\b${limit + 1}(?:st|nd|rd|th)\\b`,
    'i',
  );
  return past.test(text);
}
