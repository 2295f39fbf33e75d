/**
 * Rewrites the toxic parts of schema/specgate.schema.json from src/toxics.ts (see
 * src/parse/toxic-schema.ts). Run after changing a toxic's attributes:
 *
 *   npm run schema:update
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { withToxicAttributes } from '../src/parse/toxic-schema.js';

const file = fileURLToPath(new URL('../schema/specgate.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(file, 'utf8')) as {
  definitions: Record<string, Record<string, unknown>>;
};
schema.definitions['fault'] = withToxicAttributes(schema.definitions['fault']!);
const options = (await prettier.resolveConfig(file)) ?? {};
writeFileSync(file, await prettier.format(JSON.stringify(schema), { ...options, filepath: file }));
console.log(`updated ${file}`);
