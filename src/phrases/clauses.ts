/**
 * A criterion's prose as clauses: sentences, then each sentence cut at word boundaries into the
 * fewest pieces that each match a phrase. Cutting anywhere (not only at commas and "and") lets a
 * phrase contain "and" or a comma, and lets "killing Redis mid-test lets requests through"
 * read as two clauses.
 */

export interface Segment<M> {
  /** The clause as written (connectives and end punctuation trimmed). */
  text: string;
  /** Its matches: one is a match, two or more are ambiguous, none is undefined. */
  matches: M[];
}

/** Sentences of a paragraph; parenthetical glosses removed (they restate the clause before them). */
export function sentences(prose: string): string[] {
  const withoutGlosses = prose.replace(/\s*\([^()`"]*\)/g, '');
  return withoutGlosses
    .split(/(?<=[.!?])\s+(?=[A-Z"`])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** Lower case outside backticks and double quotes: phrases are written in lower case, names keep theirs. */
export function normaliseCase(text: string): string {
  return text.replace(/(`[^`]*`|"[^"]*")|[^`"]+/g, (part, quoted: string | undefined) =>
    quoted ? part : part.toLowerCase(),
  );
}

const LEADING_CONNECTIVE = /^(?:[,;:—–-]\s*)*(?:(?:and|then|but also|but|also)\s+)?/i;
const TRAILING_PUNCTUATION = /[\s,;:.!?—–-]+$/;

export function trimClause(text: string): string {
  return text.replace(LEADING_CONNECTIVE, '').replace(TRAILING_PUNCTUATION, '').trim();
}

/** Words, with backticked code and quoted strings kept whole. */
function tokens(sentence: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of sentence.matchAll(/`[^`]*`[^\s`]*|"[^"]*"[^\s"]*|[^\s`"]+/g))
    spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** Longest clause tried, in words: longer ones are never phrases, and this bounds the work. */
const MAX_CLAUSE_WORDS = 40;
/** An unmatched word costs more than any number of matched clauses could, so matches are kept. */
const UNMATCHED_WORD_COST = 100;

/**
 * The cut of a sentence into clauses with the fewest unmatched words, then the fewest clauses.
 * Unmatched neighbours are merged into one undefined clause, reported as written.
 */
export function segment<M>(sentence: string, match: (clause: string) => M[]): Array<Segment<M>> {
  const spans = tokens(sentence);
  const n = spans.length;
  const cost: number[] = [0, ...Array<number>(n).fill(Infinity)];
  const choice: Array<{ from: number; segment: Segment<M> } | undefined> = [];
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - MAX_CLAUSE_WORDS); start < end; start++) {
      if (cost[start] === Infinity) continue;
      const text = trimClause(sentence.slice(spans[start]![0], spans[end - 1]![1]));
      const matches = text === '' ? [] : match(text);
      const own = text === '' ? 0 : matches.length > 0 ? 1 : UNMATCHED_WORD_COST * (end - start);
      if (cost[start]! + own < cost[end]!) {
        cost[end] = cost[start]! + own;
        choice[end] = { from: start, segment: { text, matches } };
      }
    }
  }
  const pieces: Array<Segment<M>> = [];
  for (let end = n; end > 0;) {
    const step = choice[end]!;
    if (step.segment.text !== '') pieces.unshift(step.segment);
    end = step.from;
  }
  return mergeUnmatched(pieces);
}

function mergeUnmatched<M>(pieces: Array<Segment<M>>): Array<Segment<M>> {
  const merged: Array<Segment<M>> = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.matches.length === 0 && piece.matches.length === 0)
      last.text = `${last.text} ${piece.text}`;
    else merged.push({ ...piece });
  }
  return merged;
}
