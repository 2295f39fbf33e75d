/**
 * Bug: checks keys against every name the schema knows anywhere, so `log.port` or a top-level `host` pass.
 * Breaks: "a key the schema has elsewhere is still unknown here" (FM-1).
 */
import { runConfigLoader } from '../loader.js';
import { referenceParts } from '../parts.js';
import { CONFIG_SCHEMA } from '../schema.js';
import type { Fields } from '../schema.js';

function allNames(fields: Fields): string[] {
  return Object.entries(fields).flatMap(([name, field]) =>
    field.type === 'section' ? [name, ...allNames(field.fields)] : [name],
  );
}

const known = new Set(allNames(CONFIG_SCHEMA));

process.exitCode = runConfigLoader(process.argv.slice(2), {
  ...referenceParts,
  unknownKeys: (keys) => keys.filter((key) => !known.has(key)),
});
