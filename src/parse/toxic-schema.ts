/**
 * The toxic parts of the JSON Schema's `fault` definition, written from src/toxics.ts:
 * the `toxic` enum, one property per attribute key and, per toxic, the keys it requires.
 * `npm run schema:update` writes them into schema/specgate.schema.json and a test fails
 * when the file and the table disagree, so the schema editors see is the one the parser uses.
 */
import { TOXIC_TYPES, toxicDeclaration, type ToxicAttribute } from '../toxics.js';

type JsonSchema = { [key: string]: unknown };

/** Where a new attribute key goes: after the keys every toxic shares. */
const ATTRIBUTES_AFTER = 'for';

/**
 * One attribute's value schema. A number or a template (drawn per run) in one schema, not an
 * `anyOf`, so a wrong value gives one error: `minimum` applies to numbers, `pattern` to strings.
 */
function valueSchema(attribute: ToxicAttribute): JsonSchema {
  if (attribute.unit === 'ms') return { $ref: '#/definitions/durationOrTemplate' };
  return {
    type: [attribute.unit === 'bytes' ? 'integer' : 'number', 'string'],
    minimum: attribute.min,
    pattern: '\\{\\{',
  };
}

/** Attribute key → its value schema and description, merged over the toxics that share the key. */
function attributeProperties(): Map<string, JsonSchema> {
  const properties = new Map<string, { schema: JsonSchema; uses: string[] }>();
  for (const type of TOXIC_TYPES) {
    for (const attribute of Object.values(toxicDeclaration(type).attributes)) {
      const schema = valueSchema(attribute);
      const required = attribute.default === undefined ? ', required' : '';
      const use = `${type}: ${attribute.description}, in ${attribute.unit}${required}`;
      const known = properties.get(attribute.key);
      if (!known) properties.set(attribute.key, { schema, uses: [use] });
      else if (JSON.stringify(known.schema) !== JSON.stringify(schema)) {
        throw new Error(`toxics share the attribute key "${attribute.key}" with different values`);
      } else known.uses.push(use);
    }
  }
  return new Map(
    [...properties].map(([key, { schema, uses }]) => [
      key,
      { ...schema, description: `${uses.join('; ')}.` },
    ]),
  );
}

/** For each toxic with required attributes: if `toxic` is this type, then these keys are required. */
function requiredAttributes(): JsonSchema[] {
  return TOXIC_TYPES.flatMap((type) => {
    const required = Object.values(toxicDeclaration(type).attributes)
      .filter((attribute) => attribute.default === undefined)
      .map((attribute) => attribute.key);
    if (required.length === 0) return [];
    return [
      {
        if: { properties: { toxic: { const: type } }, required: ['toxic'] },
        then: { title: `${type} toxic`, required },
      },
    ];
  });
}

/**
 * `fault` with its toxic parts rewritten from the table. Its other keys (`service`, `http`,
 * …) stay as written; a key that is an attribute of no toxic any more must be removed by hand
 * (the schema test lists it).
 */
export function withToxicAttributes(fault: JsonSchema): JsonSchema {
  const generated = attributeProperties();
  const properties: JsonSchema = {};
  for (const [key, value] of Object.entries(fault['properties'] as JsonSchema)) {
    if (key === 'toxic') {
      const types = TOXIC_TYPES.map((type) => `${type}: ${toxicDeclaration(type).summary}`);
      properties[key] = {
        ...(value as JsonSchema),
        description: `Toxic type. ${types.join('. ')}.`,
        enum: [...TOXIC_TYPES],
      };
    } else if (generated.has(key)) {
      properties[key] = generated.get(key);
      generated.delete(key);
    } else properties[key] = value;
    if (key === ATTRIBUTES_AFTER) {
      for (const [newKey, schema] of generated) {
        if (!Object.hasOwn(fault['properties'] as JsonSchema, newKey)) {
          properties[newKey] = schema;
          generated.delete(newKey);
        }
      }
    }
  }
  return { ...fault, properties, allOf: requiredAttributes() };
}
