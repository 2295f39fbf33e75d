/**
 * Named step blocks: steps written once (front matter `blocks:`, or `blocks:` of the phrases.yaml
 * beside the spec) and used in any criterion as a step, `{ use: burst, with: { n: 60 } }`.
 * A use expands where it stands into the block's steps, its `<name>` placeholders filled with
 * the `with` values (or the block's defaults), before the steps are read: the steps it expands
 * to are checked like written ones, and placed at the `use` step.
 */
import { stringify } from 'yaml';
import { instantiate, MissingContext } from '../phrases/expand.js';
import { didYouMean, describeValue, type Reporter } from './reporter.js';
import { parseYaml, type YamlValue } from './yaml-tree.js';

export interface BlockDefinition {
  name: string;
  /** File the block was written in (the spec, or the shared phrases.yaml). */
  file: string;
  /** What it does, in one line (for `explain`). */
  means?: string;
  /** Parameters and their defaults; `null` marks one every use must give. */
  params: Readonly<Record<string, unknown>>;
  /** The steps, as data with `<name>` placeholders. */
  steps: readonly unknown[];
}

/** The blocks a spec can use, and those it did use (for the generated header's digest). */
export class BlockBook {
  readonly used = new Set<string>();

  constructor(readonly definitions: ReadonlyMap<string, BlockDefinition> = new Map()) {}
}

/** Uses inside uses: deep enough for any composition a person writes, short of a runaway. */
const MAX_DEPTH = 8;
const NAME = /^[a-z][a-z0-9_-]*$/i;
const DEFINITION_KEYS = new Set(['means', 'with', 'steps']);

/** Definitions of a `blocks:` mapping; bad ones are reported and left out. */
export function readBlockDefinitions(
  value: YamlValue | undefined,
  file: string,
  reporter: Reporter,
): BlockDefinition[] {
  if (value === undefined) return [];
  if (!value.isMap()) {
    reporter.report(
      'SG3022',
      value.range(),
      { name: 'blocks' },
      { expected: 'a mapping of block names to { with, steps }', found: describeValue(value.value) },
    );
    return [];
  }
  const definitions: BlockDefinition[] = [];
  for (const [name, entry] of value.entries()) {
    const fail = (expected: string, found: string, at = entry.keyRange()): void => {
      reporter.report('SG3022', at, { name }, { expected, found });
    };
    if (!NAME.test(name)) {
      fail('a name of letters, digits, - and _, starting with a letter', name);
      continue;
    }
    const body = entry.isSeq() ? { steps: entry.value } : entry.value;
    if (!isRecord(body) || !Array.isArray(body['steps'])) {
      fail(
        'a list of steps, or a mapping with `steps` (and optionally `with`, `means`)',
        describeValue(entry.value),
      );
      continue;
    }
    const unknown = Object.keys(body).filter((key) => !DEFINITION_KEYS.has(key));
    if (unknown.length > 0) {
      fail('only the keys means, with, steps', unknown.join(', '), entry.get(unknown[0]!)!.keyRange());
      continue;
    }
    const params = body['with'] ?? {};
    if (!isRecord(params)) {
      fail('`with`: a mapping of parameter names to defaults (null: required)', describeValue(params));
      continue;
    }
    const definition: BlockDefinition = { name, file, params, steps: body['steps'] };
    if (typeof body['means'] === 'string') definition.means = body['means'];
    definitions.push(definition);
  }
  return definitions;
}

/** Whether a step item is a use of a block. */
export function isBlockUse(item: YamlValue): boolean {
  return item.isMap() && item.get('use') !== undefined;
}

/**
 * The steps a `use` step stands for, as a yaml list placed at the use; undefined (reported, when
 * a reporter is given) when the block is unknown, a parameter is wrong, or uses nest in a loop.
 */
export function expandBlockUse(
  item: YamlValue,
  book: BlockBook,
  expanding: readonly string[],
  reporter?: Reporter,
): YamlValue | undefined {
  const use = item.get('use')!;
  const name = use.string() ?? '';
  const definition = book.definitions.get(name);
  if (!definition) {
    const known = [...book.definitions.keys()];
    const hint = didYouMean(name, known);
    reporter?.report(
      'SG3019',
      use.range(),
      { name: describeValue(use.value) },
      {
        expected:
          known.length > 0
            ? `one of: ${known.join(', ')}`
            : 'a block defined under `blocks:` (front matter or phrases.yaml)',
        found: describeValue(use.value),
        ...(hint ? { hint } : {}),
      },
    );
    return undefined;
  }
  if (expanding.includes(name) || expanding.length >= MAX_DEPTH) {
    reporter?.report(
      'SG3021',
      use.range(),
      { name },
      {
        expected: `blocks that do not use themselves, nested at most ${MAX_DEPTH} deep`,
        found: [...expanding, name].join(' → '),
      },
    );
    return undefined;
  }
  const bindings = blockBindings(item, definition, reporter);
  if (!bindings) return undefined;
  let steps: unknown;
  try {
    steps = instantiate(definition.steps, bindings, { templates: true });
  } catch (error) {
    if (!(error instanceof MissingContext)) throw error;
    reporter?.report(
      'SG3020',
      use.range(),
      { name },
      {
        expected: `every placeholder of the block declared under its \`with\` (${definition.file})`,
        found: `its steps need ${error.needs}`,
      },
    );
    return undefined;
  }
  book.used.add(name);
  const [at] = item.range();
  return parseYaml(stringify(steps), { toSource: () => at }).root;
}

function blockBindings(
  item: YamlValue,
  definition: BlockDefinition,
  reporter: Reporter | undefined,
): Map<string, unknown> | undefined {
  const given = item.get('with');
  if (given && !given.isMap()) {
    reporter?.report(
      'SG3020',
      given.range(),
      { name: definition.name },
      { expected: 'a mapping of parameter names to values', found: describeValue(given.value) },
    );
    return undefined;
  }
  const declared = Object.keys(definition.params);
  const bindings = new Map<string, unknown>();
  let ok = true;
  for (const [param, value] of given?.entries() ?? []) {
    if (!Object.hasOwn(definition.params, param)) {
      const hint = didYouMean(param, declared);
      reporter?.report(
        'SG3020',
        value.keyRange(),
        { name: definition.name },
        {
          expected: declared.length > 0 ? `one of its parameters: ${declared.join(', ')}` : 'no parameters',
          found: param,
          ...(hint ? { hint } : {}),
        },
      );
      ok = false;
      continue;
    }
    bindings.set(param, value.value);
  }
  for (const param of declared) {
    if (bindings.has(param)) continue;
    const fallback = definition.params[param];
    if (fallback !== null && fallback !== undefined) {
      bindings.set(param, fallback);
      continue;
    }
    reporter?.report(
      'SG3020',
      (given ?? item).range(),
      { name: definition.name },
      {
        expected: `a value for its parameter \`${param}\` (it has no default)`,
        found: `with: { ${(given?.keys() ?? []).join(', ')} }`,
      },
    );
    ok = false;
  }
  return ok ? bindings : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
