/**
 * The template syntax of the spec format (see src/ir.ts): one splitter shared by the parser,
 * which checks expressions where they are written, and the runtime, which evaluates them.
 */

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
