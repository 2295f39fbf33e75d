/**
 * `lint --suggest` for prose: a clause no phrase matches gets a phrase definition to fill in,
 * as Cucumber prints a snippet for an undefined step. Its expression comes from Cucumber's own
 * generator over the spec's parameter types (`61st` → `{ordinal}`, `60s` → `{duration}`), so the
 * snippet matches the clause as soon as it is pasted into the phrases.yaml beside the spec.
 */
import {
  CucumberExpression,
  CucumberExpressionGenerator,
  type ParameterTypeRegistry,
} from '@cucumber/cucumber-expressions';
import { parse, stringify } from 'yaml';
import type { Criterion, Spec } from '../ir.js';
import { normaliseCase } from '../phrases/clauses.js';
import { parameterRegistry, phraseContext } from '../phrases/index.js';
import { suggestCheck } from './suggest.js';

/** Phrase definitions (a `phrases:` yaml mapping, commented) for every criterion with an undefined clause, by id. */
export function phraseSnippets(spec: Spec): Record<string, string> {
  const registry = parameterRegistry(
    phraseContext({ config: spec.config, sections: spec.sections, context: spec.context ?? [] }),
  );
  const generator = new CucumberExpressionGenerator(() => registry.parameterTypes);
  const snippets: Record<string, string> = {};
  for (const criterion of spec.sections.flatMap((section) => section.criteria)) {
    const undefinedClauses = (criterion.phrases ?? []).filter((use) => use.phrase === undefined);
    if (undefinedClauses.length === 0) continue;
    const definitions = Object.fromEntries(
      undefinedClauses.map(({ clause }) => {
        const text = normaliseCase(clause);
        const expression = mostSpecific(generator.generateExpressions(text).map((e) => e.source)) ?? text;
        const values = parameterValues(expression, text, registry);
        return [expression, definitionFor(clause, criterion, spec, values)];
      }),
    );
    snippets[criterion.id] = [
      `# Paste into phrases.yaml beside ${spec.file} (or the front matter's phrases:), then make the steps say what it means.`,
      '# <1>, <2> … stand for the parameters in order; <route>, <identity>, <limit>, <service> for what the spec says.',
      stringify({ phrases: definitions }).trimEnd(),
    ].join('\n');
  }
  return snippets;
}

/** `{code}` matches any backticked text: a reading with a narrower type (`{route}`, `{json}`) says more. */
function mostSpecific(expressions: readonly string[]): string | undefined {
  const generic = (expression: string): number => expression.split('{code}').length;
  return [...expressions].sort((a, b) => generic(a) - generic(b))[0];
}

/** The clause's parameter values, in order, as the generated expression reads them. */
function parameterValues(expression: string, text: string, registry: ParameterTypeRegistry): unknown[] {
  try {
    return new CucumberExpression(expression, registry).match(text)?.map((arg) => arg.getValue(null)) ?? [];
  } catch {
    return [];
  }
}

/**
 * A definition to start from: the steps the prose suggester recognises in the clause, if any,
 * with each value that is one of the clause's parameters written as its placeholder (`<1>` …).
 */
function definitionFor(
  clause: string,
  criterion: Criterion,
  spec: Spec,
  values: readonly unknown[],
): Record<string, unknown> {
  const drafted = suggestCheck({ ...criterion, prose: clause }, spec);
  const steps = drafted === undefined ? [] : ((parse(drafted) as { steps?: unknown[] } | null)?.steps ?? []);
  return { means: `what "${clause}" checks, in one line`, steps: withPlaceholders(steps, values) };
}

function withPlaceholders(value: unknown, values: readonly unknown[]): unknown {
  const index = values.findIndex((candidate) => candidate === value && typeof value !== 'object');
  if (index >= 0) return `<${index + 1}>`;
  if (Array.isArray(value)) return value.map((item) => withPlaceholders(item, values));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withPlaceholders(item, values)]),
    );
  return value;
}
