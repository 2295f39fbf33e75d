import type { ProseItem, Spec } from '../../ir.js';
import { contentWords } from '../prose.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** One excluded thing: an Out of Scope item is often a list ("Compression, multipart uploads"). */
interface Exclusion {
  item: ProseItem;
  phrase: string;
  words: string[];
}

/** A criterion that tests what the spec excludes: either the scope or the criterion is wrong. */
export const outOfScopeTested: LintRule = {
  meta: {
    id: 'out-of-scope-tested',
    code: 'SG6013',
    severity: 'warning',
    description:
      "No criterion's prose mentions every key word of an Out of Scope item: what is excluded is not tested.",
  },
  check(spec) {
    const exclusions = exclusionsOf(spec);
    return spec.sections
      .flatMap((section) => section.criteria)
      .flatMap((criterion) => {
        const words = new Set(contentWords(criterion.prose));
        const hit = exclusions.find((exclusion) => exclusion.words.every((word) => words.has(word)));
        if (!hit) return [];
        return [
          report(outOfScopeTested.meta, {
            message: `${criterion.id} mentions "${hit.phrase}", which Out of Scope (line ${hit.item.place.start.line}) excludes: is it in scope after all?`,
            place: criterion.place,
            found: hit.phrase,
            expected: 'criteria about what is in scope only',
          }),
        ];
      });
  },
};

function exclusionsOf(spec: Spec): Exclusion[] {
  return spec.sections
    .filter((section) => section.kind === 'out-of-scope')
    .flatMap((section) => section.items)
    .flatMap((item) =>
      item.text
        .replace(/[.!]+$/, '')
        .split(/[,;]|\bor\b|\band\b/)
        .map((phrase) => phrase.trim())
        .filter((phrase) => phrase !== '')
        .map((phrase) => ({ item, phrase, words: contentWords(phrase) }))
        .filter((exclusion) => exclusion.words.length > 0),
    );
}
