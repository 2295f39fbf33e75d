import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import { formatCount, MAX_YAML_NODES } from './limits.js';

/** Maps an offset in a YAML text to an offset in the Markdown source. */
export interface OffsetMap {
  toSource(offset: number): number;
}

export interface YamlSyntaxError {
  message: string;
  range: [number, number];
  /** Set when the text has more than MAX_YAML_NODES nodes (SG1012), at the first node past it. */
  overLimit?: boolean;
}

/**
 * A YAML value together with its node, so that every check can point at the exact place in
 * the Markdown source. `value` is the plain JavaScript value (what the schema validates).
 */
export class YamlValue {
  constructor(
    readonly text: string,
    readonly offsets: OffsetMap,
    readonly node: Node | null,
    readonly value: unknown,
    /** The key of the pair this value belongs to (for "missing value" places). */
    readonly keyNode: Node | null = null,
  ) {}

  /** Source range of the value (of its key when the value is empty). */
  range(): [number, number] {
    const range = this.node?.range ?? this.keyNode?.range;
    if (!range) return [this.offsets.toSource(0), this.offsets.toSource(0)];
    const start = range[0];
    let end = range[1];
    if (end <= start && this.keyNode?.range)
      return this.sourceRange(this.keyNode.range[0], this.keyNode.range[1]);
    // Ranges of multi-line values end after a line break; keep the place on the value.
    while (end > start && /\s/.test(this.text[end - 1] ?? '')) end--;
    return this.sourceRange(start, end);
  }

  /** Source range of the key (of the value when there is no key). */
  keyRange(): [number, number] {
    const range = this.keyNode?.range;
    return range ? this.sourceRange(range[0], range[1]) : this.range();
  }

  sourceRange(start: number, end: number): [number, number] {
    return [this.offsets.toSource(start), this.offsets.toSource(end)];
  }

  isMap(): boolean {
    return isPlainObject(this.value);
  }

  isSeq(): boolean {
    return Array.isArray(this.value);
  }

  keys(): string[] {
    return isPlainObject(this.value) ? Object.keys(this.value) : [];
  }

  get(key: string): YamlValue | undefined {
    if (!isPlainObject(this.value) || !Object.hasOwn(this.value, key)) return undefined;
    const pair = isMap(this.node) ? findPair(this.node.items, key) : undefined;
    const valueNode = pair && isNode(pair.value) ? pair.value : null;
    const keyNode = pair && isNode(pair.key) ? pair.key : null;
    return new YamlValue(this.text, this.offsets, valueNode, this.value[key], keyNode);
  }

  entries(): Array<[string, YamlValue]> {
    return this.keys().map((key) => [key, this.get(key)!]);
  }

  items(): YamlValue[] {
    if (!Array.isArray(this.value)) return [];
    const nodes = isSeq(this.node) ? this.node.items : [];
    return this.value.map((item, i) => {
      const node = nodes[i];
      return new YamlValue(this.text, this.offsets, isNode(node) ? node : null, item, null);
    });
  }

  /** Follows a JSON pointer (as in ajv's `instancePath`) as far as it goes. */
  at(pointer: string): YamlValue {
    const [raw, ...rest] = pointer.split('/').slice(1);
    if (raw === undefined) return this;
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next = this.isSeq() ? this.items()[Number(segment)] : this.get(segment);
    return next ? next.at(rest.map((s) => `/${s}`).join('')) : this;
  }

  string(): string | undefined {
    return typeof this.value === 'string' ? this.value : undefined;
  }

  /** The scalar node when the value is written as a scalar (for positions inside strings). */
  scalarSource(): { raw: string; start: number } | undefined {
    if (!isScalar(this.node) || !this.node.range) return undefined;
    const [start, end] = this.node.range;
    return { raw: this.text.slice(start, end), start };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function findPair(items: readonly unknown[], key: string): Pair | undefined {
  for (const item of items) {
    if (!isPair(item)) continue;
    const k = isScalar(item.key) ? item.key.value : item.key;
    if (String(k) === key) return item;
  }
  return undefined;
}

/** Parses one YAML text; syntax errors are returned (never thrown) with their ranges. */
export function parseYaml(text: string, offsets: OffsetMap): { root?: YamlValue; errors: YamlSyntaxError[] } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const located = (message: string, pos: readonly [number, number]): YamlSyntaxError => ({
    message,
    range: [offsets.toSource(pos[0]), offsets.toSource(Math.max(pos[0], pos[1]))],
  });
  // Before anything walks the value: a huge block is refused at the node past the limit.
  const past = nodePastLimit(doc);
  if (past !== undefined) {
    const error = located(`more than ${formatCount(MAX_YAML_NODES)} nodes`, [past, past + 1]);
    return { errors: [{ ...error, overLimit: true }] };
  }
  const errors = [
    ...doc.errors.map((error) => located(firstLine(error.message), error.pos)),
    ...unknownTags(doc).map((error) => located(error.message, error.pos)),
    ...cyclicAliases(doc).map((error) => located(error.message, error.pos)),
  ];
  if (errors.length > 0) return { errors };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // e.g. an alias bomb: the document is well-formed but cannot be turned into data.
    const at = offsets.toSource(0);
    return { errors: [{ message: (error as Error).message, range: [at, at] }] };
  }
  return { root: new YamlValue(text, offsets, isNode(doc.contents) ? doc.contents : null, value), errors };
}

/** Offset of the first node past MAX_YAML_NODES, in document order; undefined within the limit. */
function nodePastLimit(doc: Document): number | undefined {
  let count = 0;
  let past: number | undefined;
  visit(doc, {
    Node(_key, node) {
      if (++count <= MAX_YAML_NODES) return undefined;
      past = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return past;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

interface PositionedMessage {
  message: string;
  pos: [number, number];
}

/**
 * A tag the YAML core schema does not know (`!!js/function`, `!env`) would be read as a plain
 * string, silently: a spec is data, so any such tag is an error.
 */
function unknownTags(doc: Document): PositionedMessage[] {
  return doc.warnings
    .filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')
    .map((warning) => ({
      message: `unknown tag ${firstLine(warning.message)
        .replace(/^Unresolved tag: /, '')
        .replace(
          'tag:yaml.org,2002:',
          '!!',
        )}: a spec holds plain data, so only the core tags (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq) are allowed`,
      pos: [warning.pos[0], warning.pos[1]],
    }));
}

/**
 * `&v { self: *v }` is well-formed YAML but an endless value: every walker over it would
 * recurse until the stack overflows. An alias inside the node it names is refused.
 */
function cyclicAliases(doc: Document): PositionedMessage[] {
  const found: PositionedMessage[] = [];
  visit(doc, {
    Alias(_key, alias, path) {
      const target = alias.resolve(doc);
      if (target && path.includes(target))
        found.push({
          message: `alias *${alias.source} refers to the node that contains it, which makes an endless value`,
          pos: [alias.range?.[0] ?? 0, alias.range?.[1] ?? 0],
        });
    },
  });
  return found;
}
