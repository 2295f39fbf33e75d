import { allProse, matchesOf, placeIn, quoted, sectionProse } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** Prose about changing stored state. */
const WRITE =
  /\b(?:stores?|stored|storing|inserts?|inserted|writes?|written|updates?|updated|imports?|imported|saves?|saved|persists?|persisted|increments?|incremented|keeps?\s+(?:the\s+)?counts?|records?\s+(?:each|every|the))\b/gi;

/** Any statement about simultaneous writers. */
const CONCURRENCY =
  /\b(?:concurrent(?:ly)?|concurrency|simultaneous(?:ly)?|at\s+the\s+same\s+(?:moment|time)|at\s+once|in\s+parallel|races?|atomic(?:ally)?|locks?|locking|transactions?|transactional|instances|replicas|serializ(?:e|ed|able))\b/i;

/** Two writers at once is where implementations differ most; the spec has to decide. */
export const writeWithoutConcurrencyStatement: LintRule = {
  meta: {
    id: 'write-without-concurrency-statement',
    code: 'SG6016',
    severity: 'warning',
    description:
      'A spec whose prose writes state says what happens when two writers (requests, instances) act at once.',
  },
  check(spec) {
    if (CONCURRENCY.test(allProse(spec))) return [];
    for (const section of spec.sections) {
      if (section.kind === 'out-of-scope') continue;
      const prose = sectionProse(section);
      const [first] = matchesOf(prose.masked, WRITE);
      if (first)
        return [
          report(writeWithoutConcurrencyStatement.meta, {
            message: `"${quoted(first[0])}": what happens when two requests (or two instances) write at the same moment? Which one wins, and can a limit or key be exceeded?`,
            place: placeIn(prose, first.index, first.index + first[0].length),
            found: quoted(first[0]),
            expected:
              'a constraint about concurrent writers, e.g. "two uploads at once never store the same key twice"',
          }),
        ];
    }
    return [];
  },
};
