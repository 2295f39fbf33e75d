/** Walks the document against the schema: defaults filled in, keys in schema order, or the first problem. */
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { ConfigLoaderParts } from './parts.js';
import type { ParsedConfig } from './parse.js';
import { ConfigProblem, childPath } from './problem.js';
import { CONFIG_SCHEMA, describeField, isRequired } from './schema.js';
import type { Field, Fields } from './schema.js';

type Walker = Pick<ConfigLoaderParts, 'lineAt' | 'unknownKeys' | 'readInteger' | 'absentValue' | 'orderKeys'>;

export function normalizeConfig(parsed: ParsedConfig, parts: Walker): Record<string, unknown> {
  const walk = new SchemaWalk(parsed, parts);
  const root = walk.resolve(parsed.document.contents);
  // An empty file (or one holding only comments) is an empty mapping: its required keys are missing.
  if (root === null || (isScalar(root) && root.value === null))
    return walk.absentSection(CONFIG_SCHEMA, '', 1);
  return walk.section(root, CONFIG_SCHEMA, '', walk.lineOf(root));
}

class SchemaWalk {
  constructor(
    private readonly parsed: ParsedConfig,
    private readonly parts: Walker,
  ) {}

  /** Aliases stand for the node they point at. */
  resolve(node: unknown): Node | null {
    if (isAlias(node)) return this.resolve(node.resolve(this.parsed.document));
    return (node as Node | null | undefined) ?? null;
  }

  lineOf(node: Node): number {
    return this.parts.lineAt(this.parsed, node.range?.[0] ?? 0);
  }

  section(node: Node | null, fields: Fields, path: string, line: number): Record<string, unknown> {
    if (!isMap(node)) throw this.wrongType(node, { type: 'section', fields }, path, line);
    const pairs = new Map<string, { pair: Pair; line: number }>();
    for (const pair of node.items) {
      const key = this.resolve(pair.key);
      const name = isScalar(key) ? String(key.value) : String(key);
      pairs.set(name, { pair, line: key ? this.lineOf(key) : line });
    }
    const unknown = new Set(this.parts.unknownKeys([...pairs.keys()], fields));
    for (const [name, { line: keyLine }] of pairs) {
      if (unknown.has(name)) throw new ConfigProblem(childPath(path, name), keyLine, 'unknown key');
    }
    const values = new Map<string, unknown>();
    for (const [name, field] of Object.entries(fields)) {
      const given = pairs.get(name);
      const value = given
        ? this.field(this.resolve(given.pair.value), field, childPath(path, name), given.line)
        : this.absent(field, childPath(path, name), line);
      if (value !== undefined) values.set(name, value);
    }
    const order = this.parts.orderKeys(Object.keys(fields), [...pairs.keys()]);
    return Object.fromEntries(
      order.filter((name) => values.has(name)).map((name) => [name, values.get(name)]),
    );
  }

  absentSection(fields: Fields, path: string, line: number): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(fields)) {
      const value = this.absent(field, childPath(path, name), line);
      if (value !== undefined) values[name] = value;
    }
    return values;
  }

  /** A missing key is reported at the line of the mapping's own key (line 1 at the top level). */
  private absent(field: Field, path: string, line: number): unknown {
    if (field.type === 'section') {
      if (isRequired(field)) throw new ConfigProblem(path, line, 'missing required key');
      return this.absentSection(field.fields, path, line);
    }
    if (isRequired(field)) throw new ConfigProblem(path, line, 'missing required key');
    return this.parts.absentValue(field);
  }

  private field(node: Node | null, field: Field, path: string, line: number): unknown {
    switch (field.type) {
      case 'section':
        return this.section(node, field.fields, path, line);
      case 'string-list': {
        if (!isSeq(node)) throw this.wrongType(node, field, path, line);
        return node.items.map((item, index) => {
          const resolved = this.resolve(item);
          const itemLine = resolved ? this.lineOf(resolved) : line;
          if (isScalar(resolved) && typeof resolved.value === 'string') return resolved.value;
          throw this.wrongType(
            resolved,
            { type: 'string', required: true },
            childPath(path, index),
            itemLine,
          );
        });
      }
      case 'string':
        if (isScalar(node) && typeof node.value === 'string') return node.value;
        throw this.wrongType(node, field, path, line);
      case 'enum':
        if (isScalar(node) && typeof node.value === 'string' && field.values.includes(node.value))
          return node.value;
        throw this.wrongType(node, field, path, line);
      case 'integer': {
        const value = isScalar(node) ? this.parts.readInteger(node.value) : undefined;
        if (value !== undefined && value >= field.min && value <= field.max) return value;
        throw this.wrongType(node, field, path, line);
      }
    }
  }

  private wrongType(node: Node | null, field: Field, path: string, line: number): ConfigProblem {
    return new ConfigProblem(path, line, `expected ${describeField(field)}, found ${describeNode(node)}`);
  }
}

function describeNode(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const { value } = node;
    if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
    if (value === null) return 'null';
    return `${typeof value === 'bigint' ? 'the integer' : `the ${typeof value}`} ${String(value)}`;
  }
  return 'an unsupported node';
}
