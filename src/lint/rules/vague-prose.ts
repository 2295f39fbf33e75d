import { matchesOf, placeIn, quoted, sectionProse } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** Words that promise no measurable outcome, each with the question that makes it measurable. */
const VAGUE: ReadonlyArray<{ pattern: string; question: string }> = [
  {
    pattern: 'fast|faster|quick|quickly|speedy|responsive|performant|low latency',
    question: 'how fast, as a number: within how many ms, at which percentile?',
  },
  {
    pattern: 'gracefully|graceful',
    question: 'what exactly happens: which status, body, log line or stored state?',
  },
  {
    pattern: 'appropriate|appropriately|suitable|proper|properly',
    question: 'which one exactly: which status, body or value?',
  },
  {
    pattern: 'handles? errors|handled correctly|error handling',
    question: 'which errors, and what does the caller get for each?',
  },
  {
    pattern: 'etc\\.?|and so on',
    question: 'what else exactly? List every case, or say the list is complete.',
  },
  {
    pattern: 'user-friendly|intuitive|seamless|seamlessly|easy to use',
    question: 'what would a test check to show it?',
  },
  {
    pattern: 'robust|resilient|reliable|reliably|scalable|efficient|efficiently',
    question: 'under which load or fault, with which observable result?',
  },
  {
    pattern: 'as needed|if needed|when necessary|as necessary|as appropriate',
    question: 'needed when exactly: which condition decides?',
  },
  {
    pattern: 'reasonable|reasonably|sensible|acceptable',
    question: 'which number or rule makes it reasonable?',
  },
  {
    pattern: 'too many|too much|too large|too big|too long',
    question: 'how many (or how large) is too many, and what happens then?',
  },
];

const PATTERN = new RegExp(
  `(?<![\\w-])(?:${VAGUE.map((entry) => entry.pattern.replace(/ /g, '\\s+')).join('|')})(?![\\w-])`,
  'gi',
);
const ENTRIES = VAGUE.map((entry) => ({ ...entry, regex: new RegExp(`^(?:${entry.pattern})$`, 'i') }));

/** Prose a test cannot check: ask for the number or the behaviour behind the word. */
export const vagueProse: LintRule = {
  meta: {
    id: 'vague-prose',
    code: 'SG6008',
    severity: 'warning',
    description:
      'Prose uses no words without a measurable outcome ("fast", "gracefully", "appropriate", "etc."...); each is located at the word.',
  },
  check(spec) {
    return spec.sections.flatMap((section) => {
      const prose = sectionProse(section);
      return matchesOf(prose.masked, PATTERN).map((match) => {
        const word = match[0];
        const shown = quoted(word);
        const question = ENTRIES.find((entry) => entry.regex.test(shown))?.question ?? 'what exactly?';
        return report(vagueProse.meta, {
          message: `"${shown}": ${question}`,
          place: placeIn(prose, match.index, match.index + word.length),
          found: shown,
          expected: 'a measurable outcome',
        });
      });
    });
  },
};
