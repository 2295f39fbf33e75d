import jsonata from 'jsonata';
import type { Reporter } from './reporter.js';
import type { YamlValue } from './yaml-tree.js';

/** A piece of a Template: literal text, or a `{{ … }}` expression (`start` = index of the expression text). */
export type TemplatePart =
  { kind: 'text'; text: string } | { kind: 'expression'; source: string; start: number };

export interface SplitTemplate {
  parts: TemplatePart[];
  /** Index of a `{{` that is never closed. */
  unterminatedAt?: number;
}

/**
 * Splits a Template into text and expressions. `{{{{` writes a literal `{{`. An expression
 * ends at the first `}}` outside string literals and braces, so JSONata object
 * constructors such as `{{ {"a": 1} }}` stay whole.
 */
export function splitTemplate(template: string): SplitTemplate {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('{{{{', i)) {
      text += '{{';
      i += 4;
      continue;
    }
    if (!template.startsWith('{{', i)) {
      text += template[i];
      i++;
      continue;
    }
    const end = expressionEnd(template, i + 2);
    if (end === undefined) {
      if (text !== '') parts.push({ kind: 'text', text });
      return { parts, unterminatedAt: i };
    }
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'expression', source: template.slice(i + 2, end), start: i + 2 });
    i = end + 2;
  }
  if (text !== '') parts.push({ kind: 'text', text });
  return { parts };
}

function expressionEnd(template: string, from: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let j = from; j < template.length; j++) {
    const ch = template[j]!;
    if (quote !== undefined) {
      if (ch === '\\') j++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (ch === '}' && template[j + 1] === '}') return j;
  }
  return undefined;
}

export interface ExpressionError {
  message: string;
  /** Index in the expression where the error is. */
  index: number;
}

/** Compiles a JSONata expression to find syntax errors; never evaluates it. */
export function expressionError(source: string): ExpressionError | undefined {
  if (source.trim() === '') return { message: 'empty expression', index: 0 };
  try {
    jsonata(source);
    return undefined;
  } catch (error) {
    const { message, position, token } = error as { message?: string; position?: number; token?: string };
    const end = typeof position === 'number' ? position : 0;
    const tokenLength = typeof token === 'string' && token !== '(end)' ? token.length : 0;
    const index = Math.max(0, Math.min(source.length, end - tokenLength));
    return { message: message ?? String(error), index };
  }
}

/** Reports unterminated `{{` and JSONata syntax errors in a string value, at their exact place. */
export function checkTemplate(value: YamlValue, reporter: Reporter): void {
  const template = value.string();
  if (template === undefined || !template.includes('{{')) return;
  const split = splitTemplate(template);
  for (const part of split.parts) {
    if (part.kind !== 'expression') continue;
    const error = expressionError(part.source);
    if (!error) continue;
    const at = offsetInString(value, part.start + error.index);
    reporter.report('SG4001', [at, at + 1], { detail: error.message }, { found: `{{${part.source}}}` });
  }
  if (split.unterminatedAt !== undefined) {
    const at = offsetInString(value, split.unterminatedAt);
    reporter.report(
      'SG4002',
      [at, at + 2],
      {},
      { expected: '"}}" closing the expression', found: template, hint: 'write {{{{ for a literal {{' },
    );
  }
}

/** Checks a JSONata expression written without braces (`$expr`). */
export function checkExpression(value: YamlValue, reporter: Reporter): void {
  const source = value.string();
  if (source === undefined) return;
  const error = expressionError(source);
  if (!error) return;
  const at = offsetInString(value, error.index);
  reporter.report('SG4004', [at, at + 1], { detail: error.message }, { found: source });
}

/** Checks a JavaScript regular expression (`$matches`, `matches`). */
export function checkRegex(value: YamlValue, reporter: Reporter): void {
  const source = value.string();
  if (source === undefined) return;
  try {
    new RegExp(source);
  } catch (error) {
    const detail = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    reporter.report('SG4003', value.range(), { detail }, { found: source });
  }
}

/**
 * Source offset of the character at `index` of a string scalar. Lines of the value are
 * located in the scalar's raw source (quotes, block indicators and indentation around
 * them); when escapes make a line unrecognisable the scalar's start is the best place.
 */
export function offsetInString(value: YamlValue, index: number): number {
  const source = value.scalarSource();
  const text = value.string();
  if (!source || text === undefined) return value.range()[0];
  const lines = text.split('\n');
  let cursor = 0;
  let consumed = 0;
  for (const line of lines) {
    const found = line === '' ? cursor : source.raw.indexOf(line, cursor);
    if (found < 0) break;
    if (index <= consumed + line.length) {
      return value.sourceRange(source.start + found + (index - consumed), 0)[0];
    }
    consumed += line.length + 1;
    cursor = found + line.length;
  }
  return value.range()[0];
}
