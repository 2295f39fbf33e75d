/**
 * Prose criteria that compile: each clause of a criterion's prose matches one phrase, and the
 * phrases' expansions make its yaml block. Pure and deterministic: the same prose, phrases and
 * context always give the same block.
 */
import type { PhraseUse } from '../ir.js';
import { segment, sentences, type Segment } from './clauses.js';
import { clauseBindings, instantiate, mergeParts, MissingContext } from './expand.js';
import type { PhraseMatcher } from './match.js';
import { isDuration } from './parameters.js';
import type { ClauseProblem, MatchedClause, PhraseContext, PhraseRole } from './types.js';

export { builtInBooks, builtInPhrases } from './books.js';
export { phraseContext, timeMapping } from './context.js';
export { PhraseMatcher } from './match.js';
export { parameterRegistry } from './parameters.js';
export type { ClauseProblem, PhraseContext, PhraseDefinition } from './types.js';

export interface ProseCompilation {
  /** The yaml block the prose means, when every clause matched one phrase and added a check. */
  block?: { steps: unknown[]; [key: string]: unknown };
  uses: PhraseUse[];
  problems: ClauseProblem[];
}

export function compileProse(
  prose: string,
  matcher: PhraseMatcher,
  context: PhraseContext,
): ProseCompilation {
  const clauses: Array<Segment<MatchedClause>> = sentences(prose).flatMap((sentence) =>
    segment(sentence, (text) => matcher.match(text)),
  );
  const uses: PhraseUse[] = [];
  const problems: ClauseProblem[] = [];
  const parts: Array<{ role: PhraseRole; part: Record<string, unknown> }> = [];
  clauses.forEach((clause, index) => {
    const [only, second] = clause.matches;
    if (!only) {
      uses.push({ clause: clause.text });
      problems.push({ clause: clause.text, kind: 'undefined', detail: [] });
      return;
    }
    if (second) {
      uses.push({ clause: clause.text });
      problems.push({
        clause: clause.text,
        kind: 'ambiguous',
        detail: clause.matches.map((m) => `"${m.definition.phrase}" (${m.definition.book})`),
      });
      return;
    }
    uses.push(phraseUse(only));
    try {
      const part = instantiate(only.definition.expands, clauseBindings(only, context, index));
      parts.push({ role: only.definition.role, part: part as Record<string, unknown> });
    } catch (error) {
      if (!(error instanceof MissingContext)) throw error;
      problems.push({ clause: clause.text, kind: 'missing-context', detail: [error.needs] });
    }
  });
  if (problems.length > 0) return { uses, problems };
  const block = mergeParts(parts);
  return block.steps.length > 0 ? { block, uses, problems } : { uses, problems };
}

function phraseUse(match: MatchedClause): PhraseUse {
  const use: PhraseUse = {
    clause: match.clause,
    phrase: match.definition.phrase,
    book: match.definition.book,
  };
  const parameters: Record<string, string | number> = {};
  match.definition.parameters.forEach((name) => {
    const value = match.values[name];
    if (value === undefined) return;
    parameters[name] = isDuration(value)
      ? value.written
      : typeof value === 'number' || typeof value === 'string'
        ? value
        : JSON.stringify(value);
  });
  if (match.definition.parameters.length === 0)
    for (const [name, value] of Object.entries(match.values))
      if (!/^\d+$/.test(name))
        parameters[name] = isDuration(value)
          ? value.written
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value);
  if (Object.keys(parameters).length > 0) use.parameters = parameters;
  if (match.timeMappings.length > 0) use.timeMappings = match.timeMappings;
  return use;
}
