/** Matching one clause against every phrase: Cucumber Expressions over the clause in lower case. */
import { CucumberExpression, type ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { normaliseCase } from './clauses.js';
import type { MatchedClause, PhraseDefinition } from './types.js';
import { isDuration } from './parameters.js';

interface Compiled {
  definition: PhraseDefinition;
  expression: CucumberExpression;
}

export class PhraseMatcher {
  private readonly compiled: Compiled[];

  constructor(
    readonly definitions: readonly PhraseDefinition[],
    registry: ParameterTypeRegistry,
  ) {
    this.compiled = definitions.map((definition) => ({
      definition,
      expression: new CucumberExpression(definition.phrase, registry),
    }));
  }

  /** Every phrase the clause matches as a whole, with its parameter values. */
  match(clause: string): MatchedClause[] {
    const text = normaliseCase(clause);
    const matches: MatchedClause[] = [];
    for (const { definition, expression } of this.compiled) {
      const args = expression.match(text);
      if (!args) continue;
      let values: unknown[];
      try {
        values = args.map((arg) => arg.getValue(null) as unknown);
      } catch {
        continue; // a parameter whose text does not convert (JSON that does not parse) is no match
      }
      const types = args.map((arg) => arg.getParameterType().name ?? '');
      matches.push({
        clause,
        definition,
        values: nameValues(definition.parameters, types, values),
        timeMappings: values
          .filter(isDuration)
          .filter((value) => value.ms !== value.runMs)
          .map((value) => `${value.written} → ${value.runMs} ms`),
      });
    }
    return matches;
  }
}

/**
 * Names of a clause's values: the phrase's declared names; also `<1>`, `<2>` … by position,
 * and the type's name (`<duration>`) when the type appears once.
 */
function nameValues(declared: readonly string[], types: readonly string[], values: readonly unknown[]) {
  const named: Record<string, unknown> = {};
  values.forEach((value, index) => {
    named[String(index + 1)] = value;
    const type = types[index]!;
    if (type !== '' && types.filter((other) => other === type).length === 1) named[type] = value;
    const name = declared[index];
    if (name !== undefined) named[name] = value;
  });
  return named;
}
