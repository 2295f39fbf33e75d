/**
 * A phrase's expansion, filled in: `<name>` placeholders take a parameter's value or what the
 * spec says (its context), and the clauses' parts merge into one yaml block. Values are
 * substituted as data, never as yaml text, so prose cannot add keys or steps of its own.
 */
import { isDuration } from './parameters.js';
import { ROLE_ORDER, type MatchedClause, type PhraseContext, type PhraseRole } from './types.js';

/** What a placeholder stands for in one clause. */
export type Bindings = ReadonlyMap<string, unknown>;

export class MissingContext extends Error {
  constructor(readonly needs: string) {
    super(needs);
  }
}

const PLACEHOLDER = /<([a-z0-9_]+)(?:\|([a-z]+))?>/gi;

/** What each context placeholder needs, said as what to add to the spec. */
const CONTEXT_ADVICE: Readonly<Record<string, string>> = {
  route: 'a route: front matter `route: GET /path`, or a route such as `GET /path` in Inputs / Outputs',
  identity: 'an identity: front matter `identities`',
  limit: 'a limit for the identity: an item such as `free: 60 req/min` in a section such as Tiers',
  window: 'a window for the identity: an item such as `free: 60 req/min` in a section such as Tiers',
  service: 'a service: front matter `services`',
  table: 'a table: a sentence of the spec naming it, such as "Store into `transactions` table"',
};

export function clauseBindings(
  clause: MatchedClause,
  context: PhraseContext,
  index: number,
): Map<string, unknown> {
  const bindings = new Map<string, unknown>(Object.entries(clause.values));
  bindings.set('clause', `c${index + 1}`);
  if (context.route !== undefined) bindings.set('route', context.route);
  if (context.table !== undefined && !bindings.has('table')) bindings.set('table', context.table);
  if (!bindings.has('identity') && context.identities[0] !== undefined)
    bindings.set('identity', context.identities[0]);
  const identity = bindings.get('identity');
  const limit = typeof identity === 'string' ? context.limits[identity] : undefined;
  const only = Object.values(context.limits);
  const tier = limit ?? (only.length === 1 ? only[0] : undefined);
  if (tier) {
    bindings.set('limit', tier.limit);
    bindings.set('window', tier.windowMs);
  }
  const services = Object.keys(context.services);
  if (!bindings.has('service') && services.length === 1) bindings.set('service', services[0]);
  return bindings;
}

function plain(value: unknown): unknown {
  return isDuration(value) ? value.runMs : value;
}

function filtered(value: unknown, filter: string | undefined, bindings: Bindings): unknown {
  const raw = plain(value);
  switch (filter) {
    case undefined:
      return raw;
    case 'args':
      return String(raw).split(/\s+/).filter(Boolean);
    case 'identifier':
      if (!/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(String(raw)))
        throw new MissingContext(`a table name of letters, digits and _ (found ${JSON.stringify(raw)})`);
      return raw;
    case 'key':
      return keyTemplate(String(raw), bindings);
    default:
      throw new Error(`unknown placeholder filter ${filter}`);
  }
}

/** `rl:{user_id}` → `rl:{{ free.id }}`: a placeholder of a key names the actor's param (`…_id` → `id`). */
function keyTemplate(pattern: string, bindings: Bindings): string {
  const actor = bindings.get('identity');
  const escaped = pattern.replace(/\{\{/g, '{{{{');
  return escaped.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, field: string) => {
    if (typeof actor !== 'string') throw new MissingContext(CONTEXT_ADVICE['identity']!);
    const param = /(^|_)id$/i.test(field) ? 'id' : field;
    return `{{ ${actor}.${param} }}`;
  });
}

function lookup(name: string, bindings: Bindings): unknown {
  if (bindings.has(name)) return bindings.get(name);
  throw new MissingContext(CONTEXT_ADVICE[name] ?? `a value for <${name}>`);
}

/**
 * Text substitution: numbers as digits; strings with `{{` escaped, so prose never becomes a
 * template, unless the values are the spec author's own yaml (a block's `with`).
 */
function asText(value: unknown, templates: boolean): string {
  if (typeof value === 'string') return templates ? value : value.replace(/\{\{/g, '{{{{');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export interface InstantiateOptions {
  /** Values may hold `{{ … }}` templates that stay templates (true for yaml, false for prose). */
  templates?: boolean;
}

/** The template with every placeholder filled: a string that is one placeholder takes the raw value. */
export function instantiate(
  template: unknown,
  bindings: Bindings,
  options: InstantiateOptions = {},
): unknown {
  if (typeof template === 'string') {
    const whole = /^<([a-z0-9_]+)(?:\|([a-z]+))?>$/i.exec(template);
    if (whole) return filtered(lookup(whole[1]!, bindings), whole[2], bindings);
    return template.replace(PLACEHOLDER, (_, name: string, filter: string | undefined) => {
      const value = filtered(lookup(name, bindings), filter, bindings);
      return filter === 'key' ? String(value) : asText(value, options.templates === true);
    });
  }
  if (Array.isArray(template)) return template.map((item) => instantiate(item, bindings, options));
  if (typeof template === 'object' && template !== null)
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [
        String(instantiate(key, bindings, options)),
        instantiate(value, bindings, options),
      ]),
    );
  return template;
}

/**
 * The clauses' parts as one yaml block: steps by role (faults before requests before what is
 * observed), in written order within a role; the most instances; env merged; a fresh target
 * when any part asks for one.
 */
export function mergeParts(parts: ReadonlyArray<{ role: PhraseRole; part: Record<string, unknown> }>): {
  steps: unknown[];
  [key: string]: unknown;
} {
  const block: { steps: unknown[]; [key: string]: unknown } = { steps: [] };
  for (const role of ROLE_ORDER) {
    for (const { part } of parts.filter((entry) => entry.role === role)) {
      for (const [key, value] of Object.entries(part)) {
        if (key === 'steps') block.steps.push(...(value as unknown[]));
        else if (key === 'instances') block.instances = Math.max(Number(block.instances ?? 1), Number(value));
        else if (key === 'fresh target') block[key] = Boolean(block[key]) || Boolean(value);
        else if (isRecord(value) && isRecord(block[key])) block[key] = { ...block[key], ...value };
        else block[key] = value;
      }
    }
  }
  return block;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
