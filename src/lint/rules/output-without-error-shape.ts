import { headingPlace, matchesOf, placeIn, proseOf, blockAround } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

const ERROR_STATUS = /\b[45]\d\d\b/g;
/** The shape of an error answer: a body, or an explicit "no body". */
const SHAPE = /\{|\bbody\b|\bempty\b|\bno\s+content\b|\bexit(?:s|\s+code)\b|\bstderr\b/i;
/** Some error answer at all, for specs that never state one. */
const ANY_ERROR = /\b[45]\d\d\b|\berror\b|\bexit(?:s|\s+code)\b|\bstderr\b/i;

/** Callers program against error answers: each needs a status and a body shape. */
export const outputWithoutErrorShape: LintRule = {
  meta: {
    id: 'output-without-error-shape',
    code: 'SG6015',
    severity: 'warning',
    description:
      'Inputs / Outputs states the error answers, and each error status comes with the shape of its body.',
  },
  check(spec) {
    const io = proseOf(spec, 'io');
    if (!io || io.masked.trim() === '') return [];
    // Status codes and bodies are usually in backticks: read the raw text, not the masked one.
    if (!ANY_ERROR.test(io.raw)) {
      return [
        report(outputWithoutErrorShape.meta, {
          message: 'What does the caller get when something goes wrong: which status and which error body?',
          place: headingPlace(io.section),
          expected: 'error answers, e.g. "invalid input: 422 {"error":"invalid_rows","rows":[…]}"',
        }),
      ];
    }
    return matchesOf(io.raw, ERROR_STATUS)
      .filter((match) => {
        const [start, end] = blockAround(io.raw, match.index);
        return !SHAPE.test(io.raw.slice(start, end));
      })
      .map((match) =>
        report(outputWithoutErrorShape.meta, {
          message: `What is the body of the ${match[0]} answer: an error code a client can branch on, or nothing?`,
          place: placeIn(io, match.index, match.index + match[0].length),
          found: match[0],
          expected: `the body of ${match[0]}, e.g. {"error":"…"}`,
        }),
      );
  },
};
