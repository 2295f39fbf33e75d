import { matchesOf, placeIn, quoted, sectionProse } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/**
 * A duration-like word, then a bare number. A word after the number, other than a function
 * word ("30 and"), counts as its unit ("after 3 retries"): the rule stays quiet when unsure.
 */
const TIMED =
  /\b(?:timeouts?|time\s+out|within|after|delay|latency|ttl|expires?(?:\s+after)?|window(?:\s+of)?|interval|every|wait(?:\s+for)?|retry\s+after|cooldown)\s+(?:of\s+|is\s+|at\s+most\s+|up\s+to\s+)?(\d+(?:\.\d+)?)(?!\w|\.\d|\s*(?!(?:and|or|but|then|the|an?|if|when|so|is|are|to|for|with|before|after|until)\b)[a-zA-Zµ%/×*])/gi;

/** A limit word, then a bare number. */
const LIMITED =
  /\b(?:limit(?:ed)?(?:\s+of|\s+to|\s+is)?|quota(?:\s+of)?|capped\s+at|cap\s+of)\s+(\d+(?:\.\d+)?)(?!\w|\.\d|\s*(?!(?:and|or|but|then|the|an?|if|when|so|is|are|to|for|with|before|after|until)\b)[a-zA-Zµ%/×*])/gi;

/** A number a test cannot use without its unit: "a timeout of 30", "within 5", "limited to 100". */
export const numberWithoutUnit: LintRule = {
  meta: {
    id: 'number-without-unit',
    code: 'SG6009',
    severity: 'warning',
    description:
      'A duration or limit states its unit ("within 500 ms", "100 requests per minute"), not a bare number.',
  },
  check(spec) {
    return spec.sections.flatMap((section) => {
      const prose = sectionProse(section);
      return [...matchesOf(prose.masked, TIMED), ...matchesOf(prose.masked, LIMITED)]
        .sort((a, b) => a.index - b.index)
        .map((match) => {
          const number = match[1] ?? '';
          const start = match.index + match[0].length - number.length;
          return report(numberWithoutUnit.meta, {
            message: `${number} what? ${/^(?:limit|quota|cap)/i.test(match[0]) ? 'Requests, bytes, rows, per which period?' : 'Milliseconds, seconds, minutes?'}`,
            place: placeIn(prose, start, start + number.length),
            found: quoted(match[0]),
            expected: 'a number with its unit',
          });
        });
    });
  },
};
