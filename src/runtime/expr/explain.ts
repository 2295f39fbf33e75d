/**
 * Why a condition was false, in values: the operands of its comparisons, each evaluated on its
 * own (`uncached.body.code` is "AB12", `saved.body.code` is "ab12"), as power-assert prints them.
 * Operands are printed back from JSONata's syntax tree; a construct the printer does not know is
 * skipped rather than guessed.
 */
import jsonata from 'jsonata';
import { evaluateCondition } from './condition.js';
import type { Scope } from './template.js';

interface Node {
  type: string;
  value?: unknown;
  lhs?: Node;
  rhs?: Node;
  steps?: Node[];
  stages?: Node[];
  expr?: Node;
  expressions?: Node[];
  arguments?: Node[];
  procedure?: Node;
}

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=', 'in']);
const LOGICAL = new Set(['and', 'or']);
const MAX_OPERANDS = 8;

/** `source` as written in a spec: bare JSONata, or one `{{ … }}` template. */
export async function explainOperands(
  source: string,
  scope: Scope,
  bindings: Record<string, unknown> = {},
): Promise<Array<{ expression: string; value: unknown }>> {
  const whole = /^\s*\{\{([\s\S]*)\}\}\s*$/.exec(source);
  let root: Node;
  try {
    root = jsonata(whole ? (whole[1] ?? '') : source).ast() as Node;
  } catch {
    return [];
  }
  const operands = comparisonOperands(root).slice(0, MAX_OPERANDS);
  const explained: Array<{ expression: string; value: unknown }> = [];
  for (const expression of operands) {
    try {
      explained.push({ expression, value: await evaluateCondition(expression, scope, bindings) });
    } catch {
      // An operand that cannot be evaluated alone (it refers to a context) is left out.
    }
  }
  return explained;
}

/** The printable, non-literal operands of every comparison, left to right, each once. */
function comparisonOperands(node: Node): string[] {
  if (node.type === 'binary' && LOGICAL.has(String(node.value)) && node.lhs && node.rhs) {
    return unique([...comparisonOperands(node.lhs), ...comparisonOperands(node.rhs)]);
  }
  if (node.type === 'binary' && COMPARISONS.has(String(node.value)) && node.lhs && node.rhs) {
    return unique([node.lhs, node.rhs].filter((side) => !isLiteral(side)).flatMap(printOrSkip));
  }
  if (node.type === 'function' && node.procedure?.value === 'not' && node.arguments?.[0]) {
    return comparisonOperands(node.arguments[0]);
  }
  return isLiteral(node) ? [] : printOrSkip(node);
}

function isLiteral(node: Node): boolean {
  return node.type === 'number' || node.type === 'string' || node.type === 'value';
}

function printOrSkip(node: Node): string[] {
  const text = print(node);
  return text === undefined ? [] : [text];
}

/** JSONata source for the common constructs; undefined for any other. */
function print(node: Node): string | undefined {
  switch (node.type) {
    case 'number':
    case 'value':
      return String(node.value);
    case 'string':
      return JSON.stringify(node.value);
    case 'variable':
      return `$${String(node.value)}`;
    case 'name': {
      const name = String(node.value);
      const base = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name}\``;
      const stages = (node.stages ?? []).map((stage) =>
        stage.type === 'filter' && stage.expr ? bracket(print(stage.expr)) : undefined,
      );
      return stages.includes(undefined) ? undefined : base + stages.join('');
    }
    case 'path': {
      const steps = (node.steps ?? []).map(print);
      return steps.includes(undefined) ? undefined : steps.join('.');
    }
    case 'function': {
      const name = node.procedure ? print(node.procedure) : undefined;
      const args = (node.arguments ?? []).map(print);
      return name === undefined || args.includes(undefined) ? undefined : `${name}(${args.join(', ')})`;
    }
    case 'unary': {
      if (node.value === '[') {
        const items = (node.expressions ?? []).map(print);
        return items.includes(undefined) ? undefined : `[${items.join(', ')}]`;
      }
      if (node.value === '-' && node.expr) {
        const operand = print(node.expr);
        return operand === undefined ? undefined : `-${operand}`;
      }
      return undefined;
    }
    case 'binary': {
      const left = node.lhs ? print(node.lhs) : undefined;
      const right = node.rhs ? print(node.rhs) : undefined;
      return left === undefined || right === undefined
        ? undefined
        : `(${left} ${String(node.value)} ${right})`;
    }
    default:
      return undefined;
  }
}

function bracket(text: string | undefined): string | undefined {
  return text === undefined ? undefined : `[${text}]`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
