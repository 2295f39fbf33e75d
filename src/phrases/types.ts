/**
 * Phrases: prose criteria that compile. A phrase is a Cucumber Expression and what a clause it
 * matches means, as a part of a criterion's yaml block (steps and check keys) with `<name>`
 * placeholders for its parameters and for what the spec itself says (its context).
 */

/** Where a clause's steps go in the criterion: setup and faults, then requests, then what is observed. */
export type PhraseRole = 'given' | 'when' | 'then' | 'none';

export const ROLE_ORDER: readonly PhraseRole[] = ['given', 'when', 'then', 'none'];

export interface PhraseDefinition {
  /** The Cucumber Expression, written in lower case (clauses are matched in lower case outside quotes and backticks). */
  phrase: string;
  /** The book it comes from: a built-in domain (`http`, `services`…), `spec` (front matter) or the shared file. */
  book: string;
  role: PhraseRole;
  /** What it is taken to mean, in one line, for docs/phrases.md and `explain`. */
  means: string;
  /** A part of a yaml block: `steps` and check keys (`instances`, `env`, `fresh target`), with `<name>` placeholders. */
  expands: Record<string, unknown>;
  /** Names of the parameters in the order the expression declares them (`<1>`, `<2>` … when unnamed). */
  parameters: string[];
}

/** What a spec says that phrases read, gathered once per spec. */
export interface PhraseContext {
  /** The request phrases send when a clause names none: front matter `route`, else the first route in Inputs / Outputs. */
  route?: string;
  /** The table the spec stores into: the first "`name` table" (or "table `name`") of its sections. */
  table?: string;
  /** Identity names from the front matter, in order; the first is the default actor. */
  identities: string[];
  /** Limits from context sections such as `Tiers` (`free: 60 req/min`), by name. */
  limits: Record<string, { limit: number; windowMs: number }>;
  /** Services from the front matter: name → kind. */
  services: Record<string, string>;
  /** Durations of the prose run shorter (front matter `time`): ms as written → ms as run. */
  time: Map<number, number>;
}

/** A clause matched to exactly one phrase. */
export interface MatchedClause {
  clause: string;
  definition: PhraseDefinition;
  /** Parameter values as matched (durations in ms, after the time mapping). */
  values: Record<string, unknown>;
  timeMappings: string[];
}

/** Why a clause did not compile. */
export interface ClauseProblem {
  clause: string;
  kind: 'undefined' | 'ambiguous' | 'missing-context';
  /** The phrases an ambiguous clause matches, or the context a phrase needed. */
  detail: string[];
}
