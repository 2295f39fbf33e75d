/**
 * The spec's side of an HTTP upstream: which rule a call matches, and the answer it gets.
 * Pure of any server: the mock (http-mock.ts) feeds calls in and writes answers out.
 */
import type { HttpAnswer, HttpRule, Matcher, TemplateValue } from '../../ir.js';
import { evaluateString, evaluateTemplateValue, type Scope } from '../expr/index.js';
import { matchValue } from '../match/index.js';
import type { UpstreamCall } from '../types.js';

/** `:name` binds one segment, a final `*` the rest; anything else is literal. */
export function compilePath(pattern: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment, index, all) => {
      if (segment === '*' && index === all.length - 1) {
        names.push('*');
        return '(.*)';
      }
      if (segment.startsWith(':') && segment.length > 1) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const regex = new RegExp(`^${source}$`);
  return (path) => {
    const found = regex.exec(path);
    if (!found) return undefined;
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
  };
}

export interface CallFilter {
  method?: string;
  path?: string;
  headers?: Record<string, Matcher | string>;
  body?: Matcher | TemplateValue;
}

const LOOSE = { subset: true, numericStrings: true } as const;

/** The path params when `call` passes the filter, else undefined. */
export async function matchCall(
  filter: CallFilter,
  call: UpstreamCall,
  scope: Scope,
): Promise<Record<string, string> | undefined> {
  if (filter.method !== undefined && filter.method !== call.method) return undefined;
  const params = filter.path === undefined ? {} : compilePath(filter.path)(call.path);
  if (!params) return undefined;
  for (const [name, expected] of Object.entries(filter.headers ?? {})) {
    const actual = call.headers[name.toLowerCase()];
    const mismatches = await matchValue(actual, expected, `header ${name}`, { ...LOOSE, scope });
    if (mismatches.length > 0) return undefined;
  }
  if (filter.body !== undefined) {
    const mismatches = await matchValue(call.body, filter.body, 'body', { ...LOOSE, scope });
    if (mismatches.length > 0) return undefined;
  }
  return params;
}

/** The answer for a rule's `served`-th call (0-based): sequences walk `times`, the last repeats. */
export function answerInSequence(answers: readonly HttpAnswer[], served: number): HttpAnswer {
  let remaining = served;
  for (const answer of answers.slice(0, -1)) {
    const times = answer.times ?? 1;
    if (remaining < times) return answer;
    remaining -= times;
  }
  return answers[answers.length - 1]!;
}

export interface RenderedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  delay: number;
}

export async function renderAnswer(answer: HttpAnswer, scope: Scope): Promise<RenderedAnswer> {
  const headers: Record<string, string> = {};
  let body = '';
  if (answer.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(await evaluateTemplateValue(answer.json, scope));
  } else if (answer.text !== undefined) {
    headers['content-type'] = 'text/plain; charset=utf-8';
    body = await evaluateString(answer.text, scope);
  }
  for (const [name, template] of Object.entries(answer.headers ?? {}))
    headers[name.toLowerCase()] = await evaluateString(template, scope);
  return { status: answer.status, headers, body, delay: answer.delay ?? 0 };
}

/** The rules of one mock with a counter per rule, reset between runs. */
export class RuleBook {
  private served: number[];

  constructor(
    private readonly rules: readonly HttpRule[],
    private readonly otherwise: HttpAnswer,
    private readonly vars: Record<string, unknown>,
  ) {
    this.served = rules.map(() => 0);
  }

  reset(): void {
    this.served = this.rules.map(() => 0);
  }

  /** The first matching rule's next answer, rendered for this call. */
  async answer(call: UpstreamCall): Promise<RenderedAnswer> {
    for (const [index, rule] of this.rules.entries()) {
      const scope: Scope = { vars: this.vars, request: { ...call, params: {} } };
      const params = await matchCall(rule, call, scope);
      if (!params) continue;
      const served = this.served[index]!;
      this.served[index] = served + 1;
      const request = { ...call, params };
      return renderAnswer(answerInSequence(rule.answers, served), { vars: this.vars, request, call: served });
    }
    return renderAnswer(this.otherwise, { vars: this.vars, request: { ...call, params: {} }, call: 0 });
  }
}
