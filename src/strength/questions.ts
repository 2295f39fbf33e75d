/**
 * The question a surviving mutant asks of its spec: no criterion failed although the implementation
 * changed, so either the spec leaves that behaviour open (then say so in Out of Scope), or a criterion
 * is missing or too weak. Phrased per Stryker mutator; the code itself is quoted.
 */

export interface SurvivorFacts {
  mutator: string;
  original: string;
  replacement: string;
  file: string;
  line: number;
}

const QUESTIONS: Record<string, (facts: SurvivorFacts, change: string) => string> = {
  EqualityOperator: (_, change) => `${change}: what should happen exactly at the boundary?`,
  ConditionalExpression: (facts, change) =>
    `${change}: when is \`${short(facts.original)}\` ${facts.replacement === 'true' ? 'false' : 'true'}, and what does the spec say happens then?`,
  BlockStatement: (_, change) => `${change}: what does the spec promise this code does?`,
  StringLiteral: (_, change) => `${change}: does the spec pin this text (a header, a key, a message)?`,
  ArithmeticOperator: (_, change) => `${change}: which value does the spec expect?`,
  LogicalOperator: (_, change) => `${change}: does the spec need both conditions, or either?`,
  BooleanLiteral: (_, change) => `${change}: which of the two does the spec want?`,
  MethodExpression: (_, change) => `${change}: does any criterion depend on what this call does?`,
  OptionalChaining: (_, change) => `${change}: what should happen when the value is missing?`,
  ObjectLiteral: (_, change) => `${change}: which of these settings or fields does the spec pin?`,
  ArrayDeclaration: (_, change) => `${change}: which of these elements does the spec pin?`,
  Regex: (_, change) => `${change}: which inputs must this pattern accept or refuse?`,
  UpdateOperator: (_, change) => `${change}: which count does the spec expect?`,
  UnaryOperator: (_, change) => `${change}: which sign or negation does the spec expect?`,
  ArrowFunction: (_, change) => `${change}: does any criterion depend on what this function returns?`,
  AssignmentOperator: (_, change) => `${change}: which value does the spec expect?`,
};

export function questionFor(facts: SurvivorFacts): string {
  const change = `no criterion fails when \`${short(facts.original)}\` becomes \`${short(facts.replacement)}\` (${facts.file}:${facts.line})`;
  const ask = QUESTIONS[facts.mutator];
  return ask ? ask(facts, change) : `${change}: is this behaviour pinned by the spec, or out of its scope?`;
}

/** Code that only feeds logs or diagnostics may change with nothing a client can observe. */
const UNOBSERVED_LINE = /\b(console\.|log(?:ger)?\.(?:debug|info|trace)|debug\(|\.trace\()/;

/**
 * Why a survivor may be an equivalent mutant (one no test could tell apart from the original), or
 * undefined when nothing suggests it. Only a hint: every survivor stays in the score.
 */
export function possiblyEquivalent(facts: SurvivorFacts, sourceLine: string): string | undefined {
  if (UNOBSERVED_LINE.test(sourceLine)) return 'the line only writes debug or console output';
  if (facts.mutator === 'BlockStatement' && /^\{\s*\}$/.test(facts.original.trim()))
    return 'the block was already empty';
  if (facts.mutator === 'StringLiteral' && /^['"`]\s*['"`]$/.test(facts.original.trim()))
    return 'the string was already empty';
  return undefined;
}

function short(code: string): string {
  const oneLine = code.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}
