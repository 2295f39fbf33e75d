/**
 * JSONata evaluation: compiled expressions are cached by source, and results
 * are turned into plain JSON-like values (JSONata marks its sequences with
 * extra properties, which would confuse deep equality).
 */
import jsonata from 'jsonata';
import { extraFunctions } from './functions.js';

const compiled = new Map<string, jsonata.Expression>();

export class ExpressionError extends Error {
  constructor(
    readonly expression: string,
    detail: string,
  ) {
    super(`JSONata expression \`${expression}\`: ${detail}`);
    this.name = 'ExpressionError';
  }
}

function describeJsonataError(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const { message, position } = error as { message: unknown; position?: unknown };
    return typeof position === 'number' ? `${String(message)} (at ${position})` : String(message);
  }
  return String(error);
}

export function compileExpression(source: string): jsonata.Expression {
  let expression = compiled.get(source);
  if (!expression) {
    try {
      expression = jsonata(source);
    } catch (error) {
      throw new ExpressionError(source, describeJsonataError(error));
    }
    for (const fn of extraFunctions) {
      expression.registerFunction(
        fn.name,
        fn.implementation as (...args: unknown[]) => unknown,
        fn.signature,
      );
    }
    compiled.set(source, expression);
  }
  return expression;
}

/**
 * Evaluates `source` with `input` as `$`; `bindings` become `$name` variables.
 * Each evaluation gets a frame of its own, so concurrent calls do not interfere.
 */
export async function evaluateExpression(
  source: string,
  input: unknown,
  bindings: Record<string, unknown> = {},
): Promise<unknown> {
  const expression = compileExpression(source);
  try {
    return toPlain(callIfNullary(await expression.evaluate(input, bindings)));
  } catch (error) {
    throw new ExpressionError(source, describeJsonataError(error));
  }
}

/** Specs write `{{ $unique }}` as well as `{{ $unique() }}`: a bare argument-less function is called. */
function callIfNullary(value: unknown): unknown {
  if (value && typeof value === 'object' && '_jsonata_function' in value && 'implementation' in value) {
    const { implementation } = value as { implementation: unknown };
    if (typeof implementation === 'function' && implementation.length === 0) return implementation();
  }
  return value;
}

/** Deep copy into plain arrays and objects; functions are dropped. */
export function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'function') result[key] = toPlain(item);
    }
    return result;
  }
  return typeof value === 'function' ? undefined : value;
}
