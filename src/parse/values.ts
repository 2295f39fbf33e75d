import type { Template, TemplateValue } from '../ir.js';
import { isTemplate } from './durations.js';
import type { Reporter } from './reporter.js';
import { checkExpression, checkRegex, checkTemplate } from './templates.js';
import type { YamlValue } from './yaml-tree.js';

/**
 * A Template for a value written in YAML. Strings are Templates already; other scalars become
 * a one-expression template (`{{ 3 }}`) so the runtime gets the number back, not the text "3".
 */
export function templateOf(value: unknown): Template {
  if (typeof value === 'string') return value;
  return `{{ ${JSON.stringify(value ?? null)} }}`;
}

/** Env values and header values are strings in the end: scalars are written as text. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

export function templateMap(
  value: YamlValue | undefined,
  convert: (v: unknown) => Template = templateOf,
): Record<string, Template> | undefined {
  if (!value?.isMap()) return undefined;
  return Object.fromEntries(value.entries().map(([k, v]) => [k, convert(v.value)]));
}

/** YAML's plain data is already a TemplateValue; this only narrows the type. */
export function templateValue(value: YamlValue): TemplateValue {
  return value.value as TemplateValue;
}

/** A number, or a Template giving one: a string without `{{ }}` is a mistake. */
export function numberOrTemplate(
  value: YamlValue | undefined,
  what: string,
  reporter: Reporter,
): number | Template | undefined {
  if (!value) return undefined;
  if (typeof value.value === 'number') return value.value;
  if (isTemplate(value.value)) return value.value;
  reporter.report(
    'SG3005',
    value.range(),
    { what },
    { expected: 'a number, or a {{ template }} giving one', found: JSON.stringify(value.value) },
  );
  return undefined;
}

/** A Template that must hold an expression (`each`, `assert`): plain text would be a constant. */
export function expressionTemplate(
  value: YamlValue | undefined,
  what: string,
  reporter: Reporter,
): Template | undefined {
  if (!value) return undefined;
  if (isTemplate(value.value)) return value.value;
  reporter.report(
    'SG3005',
    value.range(),
    { what },
    {
      expected: 'a {{ template }}',
      found: JSON.stringify(value.value),
      hint: `write "{{ ${String(value.value)} }}"`,
    },
  );
  return undefined;
}

/** Keys whose values are not Templates: regexes, SQL, JSON Schemas. */
const NOT_TEMPLATES = new Set(['$matches', 'matches', '$expr', 'query', '$schema', 'body schema']);

/**
 * Checks every string of a YAML tree: templates are compiled with JSONata (syntax only),
 * `$expr` as an expression and `$matches` / `matches` as regular expressions.
 */
export function checkStrings(value: YamlValue, reporter: Reporter): void {
  if (value.isSeq()) {
    value.items().forEach((item) => checkStrings(item, reporter));
    return;
  }
  if (value.isMap()) {
    for (const [key, child] of value.entries()) {
      if (key === '$expr') checkExpression(child, reporter);
      else if (key === '$matches' || key === 'matches') checkRegex(child, reporter);
      if (!NOT_TEMPLATES.has(key)) checkStrings(child, reporter);
    }
    return;
  }
  checkTemplate(value, reporter);
}
