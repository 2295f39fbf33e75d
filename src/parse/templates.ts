import jsonata from 'jsonata';
import { extraFunctions, FUNCTION_NAMES } from '../runtime/expr/functions.js';
import { didYouMean, type Reporter } from './reporter.js';
import type { YamlValue } from './yaml-tree.js';
import { splitTemplate } from '../template.js';

export { splitTemplate, type SplitTemplate, type TemplatePart } from '../template.js';

export interface ExpressionError {
  message: string;
  /** Index in the expression where the error is. */
  index: number;
}

/** Compiles a JSONata expression to find syntax errors; never evaluates it. */
export function expressionError(source: string): ExpressionError | undefined {
  if (source.trim() === '') return { message: 'empty expression', index: 0 };
  try {
    return unknownFunctionCall(jsonata(source).ast() as unknown as AstNode, source);
  } catch (error) {
    const { message, position, token } = error as { message?: string; position?: number; token?: string };
    const end = typeof position === 'number' ? position : 0;
    const tokenLength = typeof token === 'string' && token !== '(end)' ? token.length : 0;
    const index = Math.max(0, Math.min(source.length, end - tokenLength));
    return { message: message ?? String(error), index };
  }
}

type AstNode = { type?: string; value?: unknown; position?: number; [key: string]: unknown };

/**
 * The first call of a function that does not exist (`$uper(x)`, `x ~> $foo`): JSONata only
 * finds out when the call runs, mid-test, and the failure would blame the implementation.
 * Names bound in the expression itself (`$f := function…`, lambda parameters) are known.
 */
function unknownFunctionCall(ast: AstNode, source: string): ExpressionError | undefined {
  const bound = new Set<string>();
  const called: AstNode[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as AstNode;
    if (n.type === 'bind') bound.add(String((n['lhs'] as AstNode).value));
    if (n.type === 'lambda') (n['arguments'] as AstNode[]).forEach((arg) => bound.add(String(arg.value)));
    const procedure = n.type === 'function' || n.type === 'partial' ? (n['procedure'] as AstNode) : undefined;
    if (procedure?.type === 'variable') called.push(procedure);
    const applied = n.type === 'apply' ? (n['rhs'] as AstNode) : undefined;
    if (applied?.type === 'variable') called.push(applied);
    Object.values(n).forEach(visit);
  };
  visit(ast);
  const unknown = called.find((v) => !FUNCTION_NAMES.has(String(v.value)) && !bound.has(String(v.value)));
  if (!unknown) return undefined;
  const name = String(unknown.value);
  const index = Math.max(0, Math.min(source.length, (unknown.position ?? 0) - name.length - 1));
  const hint = didYouMean(name, [...FUNCTION_NAMES]);
  const ours = extraFunctions.map((fn) => `$${fn.name}`).join(', ');
  return {
    message: `unknown function $${name}${hint ? ` (${hint})` : ''}: specgate knows JSONata's functions and ${ours}`,
    index,
  };
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
