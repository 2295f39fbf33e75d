/** The JSON Schema's toxic parts are written from src/toxics.ts; this fails when they drift apart. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { withToxicAttributes } from '../../src/parse/toxic-schema.js';
import { TOXIC_TYPES, toxicDeclaration } from '../../src/toxics.js';

type JsonSchema = Record<string, unknown>;
const schema = JSON.parse(
  readFileSync(new URL('../../schema/specgate.schema.json', import.meta.url), 'utf8'),
);
const fault = schema.definitions.fault as JsonSchema;

test('schema/specgate.schema.json holds what src/toxics.ts declares (run `npm run schema:update`)', () => {
  expect(fault).toEqual(withToxicAttributes(fault));
});

test('every key of a fault is a toxic attribute, a protocol fault key or a key every fault shares', () => {
  const attributeKeys = TOXIC_TYPES.flatMap((type) =>
    Object.values(toxicDeclaration(type).attributes).map((attribute) => attribute.key),
  );
  const others = ['service', 'toxic', 'name', 'stream', 'toxicity', 'for', 'http', 'method', 'path'];
  const httpKeys = ['times', 'status', 'retry after', 'delay'];
  const redisKeys = ['redis', 'commands'];
  const postgresKeys = ['postgres', 'table', 'mode'];
  const known = new Set([...attributeKeys, ...others, ...httpKeys, ...redisKeys, ...postgresKeys]);
  expect(Object.keys(fault['properties'] as JsonSchema).filter((key) => !known.has(key))).toEqual([]);
});

test('a required attribute is required by the schema for its toxic only', () => {
  const rules = fault['allOf'] as { if: { properties: { toxic: { const: string } } }; then: JsonSchema }[];
  const required = Object.fromEntries(
    rules.map((rule) => [rule.if.properties.toxic.const, rule.then['required']]),
  );
  expect(required).toEqual({
    latency: ['latency'],
    bandwidth: ['rate'],
    slow_close: ['delay'],
    slicer: ['average size'],
    limit_data: ['bytes'],
  });
});
