import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schemaJson from '../../schema/specgate.schema.json' with { type: 'json' };
import type { DiagnosticCode } from '../diagnostics/catalogue.js';
import { durationMs } from './durations.js';
import { describeValue, didYouMean, type Reporter } from './reporter.js';
import type { YamlValue } from './yaml-tree.js';

/**
 * Structural validation against schema/specgate.schema.json. Steps, generators and
 * invariants are dispatched by the parser itself (one schema definition per kind), so
 * their references are cut out of every definition here: validating a `parallel` step
 * checks its own keys, and the parser then validates each inner step against its kind.
 * That keeps ajv's errors precise instead of a pile of failed `anyOf` branches.
 */
const DISPATCHED = new Set(['#/definitions/step', '#/definitions/generator', '#/definitions/invariant']);

type JsonSchema = { [key: string]: unknown };

const definitions = (schemaJson as { definitions: Record<string, JsonSchema> }).definitions;

export type DefinitionName = keyof typeof schemaJson.definitions;

export function definition(name: DefinitionName): JsonSchema {
  return definitions[name]!;
}

function cutDispatched(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(cutDispatched);
  if (typeof schema !== 'object' || schema === null) return schema;
  const ref = (schema as JsonSchema)['$ref'];
  if (typeof ref === 'string' && DISPATCHED.has(ref)) return true;
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, cutDispatched(v)]));
}

const shallowDefinitions = cutDispatched(definitions) as Record<string, JsonSchema>;
const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strictTypes: false });
// Bounds on a duration's milliseconds however it is written (`1500`, `"600h"`); templates pass. The
// schema's maximumMs is 2^31-1, the most Node's setTimeout waits (longer fires at once).
for (const [keyword, holds] of [
  ['minimumMs', (limit: number, ms: number) => ms >= limit],
  ['maximumMs', (limit: number, ms: number) => ms <= limit],
] as const) {
  ajv.addKeyword({
    keyword,
    type: ['number', 'string'],
    schemaType: 'number',
    validate: (limit: number, data: unknown) => {
      const ms = durationMs(data);
      return ms === undefined || holds(limit, ms);
    },
  });
}
const validators = new Map<string, ValidateFunction>();

function validatorFor(name: DefinitionName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.compile({ $ref: `#/definitions/${name}`, definitions: shallowDefinitions });
    validators.set(name, validate);
  }
  return validate;
}

/** Which codes a stage reports schema errors with (front matter and blocks have their own). */
export interface SchemaCodes {
  unknownKey: DiagnosticCode;
  wrongType: DiagnosticCode;
  missingKey: DiagnosticCode;
  badValue: DiagnosticCode;
  badDuration: DiagnosticCode;
  /** Pattern and maxLength failures with their own code, by the failing schema's `title`. */
  patternByTitle?: Readonly<Record<string, DiagnosticCode>>;
}

export const FRONT_MATTER_CODES: SchemaCodes = {
  unknownKey: 'SG2006',
  wrongType: 'SG2007',
  missingKey: 'SG2005',
  badValue: 'SG2008',
  badDuration: 'SG2012',
  patternByTitle: { 'spec name': 'SG2009' },
};

export const BLOCK_CODES: SchemaCodes = {
  unknownKey: 'SG3004',
  wrongType: 'SG3005',
  missingKey: 'SG3006',
  badValue: 'SG3013',
  badDuration: 'SG3007',
};

/** Validates `value` against one definition and reports every error; true when valid. */
export function validate(
  name: DefinitionName,
  value: YamlValue,
  reporter: Reporter,
  codes: SchemaCodes,
): boolean {
  const validateFn = validatorFor(name);
  if (validateFn(value.value)) return true;
  for (const error of relevantErrors(validateFn.errors ?? [])) reportError(error, value, reporter, codes);
  return false;
}

/**
 * Drops the inner `pattern` error ajv adds under each failed `propertyNames`, and the summary
 * error of an `if` (one mapping or a list of them): the failing branch's own errors say more.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter(
    (e) => !(e.propertyName !== undefined && e.keyword !== 'propertyNames') && e.keyword !== 'if',
  );
}

function reportError(error: ErrorObject, root: YamlValue, reporter: Reporter, codes: SchemaCodes): void {
  const at = root.at(error.instancePath);
  const parent = (error.parentSchema ?? {}) as JsonSchema;
  const what = describePath(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((parent['properties'] as JsonSchema | undefined) ?? {});
      const child = at.get(key);
      const hint = didYouMean(key, known);
      reporter.report(
        codes.unknownKey,
        child ? child.keyRange() : at.range(),
        { key, context: contextOf(parent, error.instancePath) },
        {
          expected: known.length > 0 ? `one of: ${known.join(', ')}` : 'no keys here',
          found: key,
          ...(hint ? { hint } : {}),
        },
      );
      return;
    }
    case 'required': {
      const key = String((error.params as { missingProperty: string }).missingProperty);
      reporter.report(codes.missingKey, at.range(), { key, context: contextOf(parent, error.instancePath) });
      return;
    }
    case 'type':
      reporter.report(
        codes.wrongType,
        at.range(),
        { what },
        {
          expected: typeList((error.params as { type: string | string[] }).type),
          found: describeValue(at.value),
        },
      );
      return;
    case 'propertyNames': {
      const name = String((error.params as { propertyName: string }).propertyName);
      const child = at.get(name);
      const description = (error.schema as JsonSchema)['description'];
      reporter.report(
        codes.badValue,
        child ? child.keyRange() : at.range(),
        { what: `the name ${JSON.stringify(name)}` },
        {
          expected:
            typeof description === 'string'
              ? description
              : 'a name of letters, digits and _ that does not start with a digit',
          found: name,
        },
      );
      return;
    }
    case 'minimumMs':
    case 'maximumMs': {
      const limit = (error.schema as number).toLocaleString('en-US');
      reporter.report(
        codes.badDuration,
        at.range(),
        { what },
        {
          expected:
            error.keyword === 'minimumMs'
              ? `a duration of at least ${limit} ms (0 would never wait or never give up)`
              : `a duration of at most ${limit} ms, about 24.8 days (a timer cannot wait longer)`,
          found: describeValue(at.value),
        },
      );
      return;
    }
    case 'pattern':
    case 'maxLength': {
      const own = typeof parent['title'] === 'string' ? codes.patternByTitle?.[parent['title']] : undefined;
      if (own) {
        reporter.report(
          own,
          at.range(),
          { what, name: shorten(String(at.value)) },
          { expected: describeExpected(parent, error), found: describeValue(at.value) },
        );
        return;
      }
      if (parent['title'] === 'duration') {
        reporter.report(
          codes.badDuration,
          at.range(),
          { what },
          {
            expected: 'milliseconds, or a number with a unit: 200ms, 1.5s, 2m, 1h',
            found: describeValue(at.value),
          },
        );
        return;
      }
      reporter.report(
        codes.badValue,
        at.range(),
        { what },
        { expected: describeExpected(parent, error), found: describeValue(at.value) },
      );
      return;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => String(v));
      const hint = typeof at.value === 'string' ? didYouMean(at.value, allowed) : undefined;
      reporter.report(
        codes.badValue,
        at.range(),
        { what },
        {
          expected: `one of: ${allowed.join(', ')}`,
          found: describeValue(at.value),
          ...(hint ? { hint } : {}),
        },
      );
      return;
    }
    default:
      reporter.report(
        codes.badValue,
        at.range(),
        { what },
        { expected: describeExpected(parent, error), found: describeValue(at.value) },
      );
  }
}

function describeExpected(parent: JsonSchema, error: ErrorObject): string {
  const description = typeof parent['description'] === 'string' ? ` (${parent['description']})` : '';
  if (error.keyword === 'maxLength') {
    return `text of at most ${(error.params as { limit: number }).limit} characters${description}`;
  }
  if (error.keyword === 'pattern') {
    return `text matching /${(error.params as { pattern: string }).pattern}/${description}`;
  }
  if (error.keyword === 'maximum' || error.keyword === 'minimum') {
    const { comparison, limit } = error.params as { comparison: string; limit: number };
    const bound = comparison === '<=' ? 'at most' : comparison === '>=' ? 'at least' : comparison;
    return `a number ${bound} ${limit}${description}`;
  }
  return `a value that ${error.message ?? 'is valid'}${description}`;
}

/** A name quoted in a one-line message stays short; `found` shows more of it. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function typeList(type: string | string[]): string {
  const names = (Array.isArray(type) ? type : [type]).map((t) =>
    t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : t === 'null' ? 'nothing' : withArticle(t),
  );
  return names.join(' or ');
}

/** `"repeat"`, or `item 2 of "steps"`, for messages. */
export function describePath(pointer: string): string {
  const segments = pointer.split('/').slice(1);
  const last = segments.at(-1);
  if (last === undefined) return 'this value';
  if (/^\d+$/.test(last)) {
    const owner = segments.at(-2);
    return owner === undefined ? `item ${Number(last) + 1}` : `item ${Number(last) + 1} of "${owner}"`;
  }
  return `"${last}"`;
}

function contextOf(parent: JsonSchema, pointer: string): string {
  const title = parent['title'];
  if (typeof title === 'string') return withArticle(title);
  const segments = pointer.split('/').slice(1);
  const last = segments.at(-1);
  return last === undefined ? 'this mapping' : `"${last}"`;
}

export function withArticle(noun: string): string {
  if (noun.startsWith('the ')) return noun;
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
