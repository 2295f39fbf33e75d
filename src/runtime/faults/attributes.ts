/**
 * Checks a ToxicSpec against its toxic's declaration (src/toxics.ts) before anything is applied.
 * A spec's attributes were checked by the parser against the same table; this catches values
 * drawn from templates at run time, and callers of the proxy API.
 */
import type { ToxicSpec } from '../types.js';
import { isToxicType, TOXIC_TYPES, toxicDeclaration } from '../../toxics.js';
import { toxicDefinitions } from './toxics/index.js';
import type { ToxicDefinition } from './toxic.js';

export interface ResolvedToxic {
  spec: ToxicSpec;
  definition: ToxicDefinition;
  /** Every declared attribute, defaults filled in. */
  attributes: Readonly<Record<string, number>>;
}

/** Throws an Error naming the toxic and what is wrong; returns the definition and full attributes. */
export function resolveToxic(spec: ToxicSpec): ResolvedToxic {
  const fail = (problem: string): never => {
    throw new Error(`toxic "${spec.name}" (${spec.type}): ${problem}`);
  };
  if (typeof spec.name !== 'string' || spec.name === '') fail('the name must be a non-empty string');
  if (!isToxicType(spec.type)) {
    fail(`unknown type; known types: ${TOXIC_TYPES.join(', ')}`);
  }
  if (spec.stream !== 'upstream' && spec.stream !== 'downstream') {
    fail(`stream must be "upstream" or "downstream", got ${JSON.stringify(spec.stream)}`);
  }
  if (!(typeof spec.toxicity === 'number' && spec.toxicity >= 0 && spec.toxicity <= 1)) {
    fail(`toxicity must be a number from 0 to 1, got ${JSON.stringify(spec.toxicity)}`);
  }
  const definition: ToxicDefinition = toxicDefinitions[spec.type];
  const declared = toxicDeclaration(spec.type).attributes;
  const attributes: Record<string, number> = {};
  for (const key of Object.keys(spec.attributes ?? {})) {
    if (!Object.hasOwn(declared, key)) {
      const known = Object.keys(declared);
      fail(
        `unknown attribute "${key}"; ${known.length > 0 ? `known: ${known.join(', ')}` : 'it takes none'}`,
      );
    }
  }
  for (const [key, rule] of Object.entries(declared)) {
    const given = spec.attributes?.[key];
    const value = given ?? rule.default;
    if (value === undefined) fail(`attribute "${key}" (${rule.unit}) is required`);
    else if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail(`attribute "${key}" must be a finite number, got ${JSON.stringify(value)}`);
    } else if (value < rule.min) {
      fail(`attribute "${key}" must be at least ${rule.min} ${rule.unit}, got ${value}`);
    } else attributes[key] = value;
  }
  return { spec, definition, attributes };
}
