/**
 * A deterministic pretty printer of JSON-like values as TypeScript literals.
 *
 * Generated files carry spec data, so everything a spec author wrote passes
 * through here: strings go through `JSON.stringify` (plus U+2028/U+2029, which
 * are line terminators in a JS source but not in JSON), keys keep the IR's
 * insertion order, and `__proto__` keys become computed keys so they stay own
 * properties instead of setting the object's prototype.
 */

/** A value the printer accepts: JSON plus `undefined` members, which are omitted as in JSON. */
export type LiteralValue =
  | null
  | undefined
  | boolean
  | number
  | string
  | readonly LiteralValue[]
  | { readonly [key: string]: LiteralValue };

export interface LiteralOptions {
  /** Columns available for a line, including the indentation. */
  width: number;
  /** Indentation of the line the literal starts on (in spaces, even). */
  indent: number;
  /** Column at which the literal starts on that line (default: `indent`). */
  column?: number;
}

const INDENT = '  ';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A string literal safe anywhere in a JS/TS source file. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Prints `value` as a literal; containers that fit in the remaining width stay on one line. */
export function printLiteral(value: LiteralValue, options: LiteralOptions): string {
  return print(value, options.indent, options.column ?? options.indent, options.width);
}

function print(value: LiteralValue, indent: number, column: number, width: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isArray(value)) return printArray(value, indent, column, width);
  if (typeof value === 'object') return printObject(value, indent, column, width);
  throw new TypeError(`cannot print a ${typeof value} as literal data`);
}

function isArray(value: LiteralValue): value is readonly LiteralValue[] {
  return Array.isArray(value);
}

function numberLiteral(value: number): string {
  if (Object.is(value, -0)) return '-0';
  // Infinity and NaN are not JSON but may come from YAML (`.inf`); the globals keep them literal.
  return String(value);
}

function keyLiteral(key: string): string {
  if (key === '__proto__') return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

function printArray(items: readonly LiteralValue[], indent: number, column: number, width: number): string {
  if (items.length === 0) return '[]';
  const inline = `[${items.map((item) => printInline(item)).join(', ')}]`;
  if (fits(inline, column, width)) return inline;
  const inner = indent + INDENT.length;
  const pad = ' '.repeat(inner);
  const lines = items.map((item) => `${pad}${print(item, inner, inner, width)},`);
  return `[\n${lines.join('\n')}\n${' '.repeat(indent)}]`;
}

function printObject(
  object: { readonly [key: string]: LiteralValue },
  indent: number,
  column: number,
  width: number,
): string {
  const entries = Object.entries(object).filter(([, member]) => member !== undefined);
  if (entries.length === 0) return '{}';
  const inline = `{ ${entries.map(([key, member]) => `${keyLiteral(key)}: ${printInline(member)}`).join(', ')} }`;
  if (fits(inline, column, width)) return inline;
  const inner = indent + INDENT.length;
  const pad = ' '.repeat(inner);
  const lines = entries.map(([key, member]) => {
    const prefix = `${pad}${keyLiteral(key)}: `;
    return `${prefix}${print(member, inner, prefix.length, width)},`;
  });
  return `{\n${lines.join('\n')}\n${' '.repeat(indent)}}`;
}

function printInline(value: LiteralValue): string {
  return print(value, 0, 0, Infinity);
}

/** One column is kept for the comma or bracket that follows the literal. */
function fits(inline: string, column: number, width: number): boolean {
  return column + inline.length + 1 <= width;
}
