/**
 * Templates: strings with `{{ JSONata }}` parts, evaluated against a scope
 * object (the scope is the expression's `$`, so `vars.limit` or `alice.id`
 * resolve as paths). A template that is exactly one part yields the raw value.
 */
import type { TemplateValue } from '../../ir.js';
import { splitTemplate } from '../../template.js';
import { evaluateExpression } from './jsonata.js';

export type TemplatePart = { text: string } | { expression: string };

export type Scope = Record<string, unknown>;

const parsedTemplates = new Map<string, TemplatePart[]>();

export function parseTemplate(source: string): TemplatePart[] {
  const cached = parsedTemplates.get(source);
  if (cached) return cached;
  const split = splitTemplate(source);
  if (split.unterminatedAt !== undefined) {
    throw new Error(`unclosed \`{{\` in template ${JSON.stringify(source)}`);
  }
  const parts: TemplatePart[] = split.parts.map((part) =>
    part.kind === 'text' ? { text: part.text } : { expression: part.source.trim() },
  );
  if (parts.length === 0) parts.push({ text: '' });
  parsedTemplates.set(source, parts);
  return parts;
}

export function isTemplate(source: string): boolean {
  return parseTemplate(source).some((part) => 'expression' in part);
}

function interpolate(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `bindings` become `$name` variables (e.g. `$history` in invariants). */
export async function evaluateTemplate(
  source: string,
  scope: Scope,
  bindings: Record<string, unknown> = {},
): Promise<unknown> {
  const parts = parseTemplate(source);
  const [only] = parts;
  if (parts.length === 1 && only && 'expression' in only) {
    return evaluateExpression(only.expression, scope, bindings);
  }
  let result = '';
  for (const part of parts) {
    result +=
      'text' in part ? part.text : interpolate(await evaluateExpression(part.expression, scope, bindings));
  }
  return result;
}

/** Evaluates every string of a TemplateValue tree. */
export async function evaluateTemplateValue(
  value: TemplateValue | undefined,
  scope: Scope,
): Promise<unknown> {
  if (typeof value === 'string') return evaluateTemplate(value, scope);
  if (Array.isArray(value)) return Promise.all(value.map((item) => evaluateTemplateValue(item, scope)));
  if (value && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = await evaluateTemplateValue(item, scope);
    return result;
  }
  return value;
}

/** Evaluates a template and requires a string (paths, header values, log needles). */
export async function evaluateString(source: string, scope: Scope): Promise<string> {
  return interpolate(await evaluateTemplate(source, scope));
}

/** Evaluates a number-or-template (repeat counts, durations, limits). */
export async function evaluateNumber(value: number | string, scope: Scope, what: string): Promise<number> {
  const result = typeof value === 'number' ? value : await evaluateTemplate(value, scope);
  const number = typeof result === 'string' && result.trim() !== '' ? Number(result) : result;
  if (typeof number !== 'number' || !Number.isFinite(number)) {
    throw new Error(`${what}: expected a number but ${JSON.stringify(value)} gave ${JSON.stringify(result)}`);
  }
  return number;
}
