/**
 * The config schema as data. The loader walks it, so required keys, defaults and the output's
 * key order (the order of the entries below) are stated once.
 */
export type Field =
  | { type: 'string'; required: true }
  | { type: 'integer'; min: number; max: number; required: true }
  | { type: 'enum'; values: readonly string[]; default: string }
  | { type: 'string-list'; default: readonly string[] }
  | { type: 'section'; fields: Fields };

export type Fields = Readonly<Record<string, Field>>;

export const CONFIG_SCHEMA: Fields = {
  server: {
    type: 'section',
    fields: {
      host: { type: 'string', required: true },
      port: { type: 'integer', min: 1, max: 65535, required: true },
    },
  },
  log: {
    type: 'section',
    fields: { level: { type: 'enum', values: ['debug', 'info', 'warn', 'error'], default: 'info' } },
  },
  features: { type: 'string-list', default: [] },
};

/** A section is required when any of its fields is: leaving it out leaves that field out. */
export function isRequired(field: Field): boolean {
  if (field.type === 'section') return Object.values(field.fields).some(isRequired);
  return 'required' in field;
}

/** What the field expects, for messages. */
export function describeField(field: Field): string {
  switch (field.type) {
    case 'string':
      return 'a string';
    case 'integer':
      return `an integer from ${field.min} to ${field.max}`;
    case 'enum':
      return `one of ${field.values.join(', ')}`;
    case 'string-list':
      return 'a list of strings';
    case 'section':
      return 'a mapping';
  }
}
