/**
 * The drift check: do the generated files still say what the specs say? Pure:
 * the CLI reads the files and hands their text in.
 */
import type { Spec } from '../ir.js';
import { compileSpec, generatedPathFor, sha256Hex, splitGeneratedFile } from '../compile/index.js';

export interface SpecSource {
  /** Spec path relative to the project root, e.g. `specs/rate-limit.md`. */
  file: string;
  source: string;
  /** The parsed spec; absent when the spec has errors (then `outdated` cannot be told apart). */
  spec?: Spec;
}

export interface GeneratedSource {
  /** Generated path relative to the project root, e.g. `generated/rate-limit.test.ts`. */
  file: string;
  text: string;
}

export type DriftState = 'ok' | 'stale' | 'hand-edited' | 'orphaned' | 'missing' | 'outdated';

export interface DriftEntry {
  /** The generated file (for `missing`: where it should be; the spec's path when even that is unknown). */
  file: string;
  /** The spec it belongs to, when there is one. */
  spec?: string;
  state: DriftState;
  /** One sentence for the reader, saying what to do. */
  reason: string;
}

export interface DriftReport {
  /** One entry per generated file and per spec without one, sorted by file. */
  entries: DriftEntry[];
  /** True when every entry is `ok`. */
  clean: boolean;
}

export function checkDrift(input: {
  specs: readonly SpecSource[];
  generated: readonly GeneratedSource[];
}): DriftReport {
  const specsByFile = new Map(input.specs.map((spec) => [spec.file, spec]));
  const specsByTarget = new Map<string, SpecSource>();
  for (const spec of input.specs) {
    const target = expectedPath(spec);
    if (target !== undefined) specsByTarget.set(target, spec);
  }

  const entries: DriftEntry[] = [];
  const covered = new Set<string>();
  for (const generated of input.generated) {
    const split = splitGeneratedFile(generated.text);
    const spec = split ? specsByFile.get(split.header.source) : specsByTarget.get(generated.file);
    if (!spec) {
      entries.push({
        file: generated.file,
        state: 'orphaned',
        reason: split
          ? `its spec ${split.header.source} does not exist; delete it or run \`specgate compile\``
          : 'no spec compiles to it; delete it or run `specgate compile`',
      });
      continue;
    }
    covered.add(spec.file);
    entries.push({ file: generated.file, spec: spec.file, ...judge(spec, generated, split) });
  }

  for (const spec of input.specs) {
    if (covered.has(spec.file)) continue;
    entries.push({
      file: expectedPath(spec) ?? spec.file,
      spec: spec.file,
      state: 'missing',
      reason: `${spec.file} has no generated suite; run \`specgate compile\``,
    });
  }

  entries.sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.spec ?? '', b.spec ?? ''));
  return { entries, clean: entries.every((entry) => entry.state === 'ok') };
}

function judge(
  spec: SpecSource,
  generated: GeneratedSource,
  split: ReturnType<typeof splitGeneratedFile>,
): Pick<DriftEntry, 'state' | 'reason'> {
  if (!split || sha256Hex(split.body) !== split.header.bodySha256) {
    return {
      state: 'hand-edited',
      reason:
        'it was changed by hand since it was generated; change the spec instead and run `specgate compile`',
    };
  }
  if ((spec.spec?.sha256 ?? sha256Hex(spec.source)) !== split.header.specSha256) {
    return { state: 'stale', reason: `${spec.file} changed since it was compiled; run \`specgate compile\`` };
  }
  if (spec.spec && spec.spec.definitionsSha256 !== split.header.definitionsSha256) {
    return {
      state: 'stale',
      reason:
        'a phrase or block its criteria expand through (a built-in phrase book, phrases.yaml) changed since it was compiled; run `specgate compile`',
    };
  }
  const expected = spec.spec ? expectedPath(spec) : undefined;
  if (!spec.spec || expected !== generated.file || compileSpec(spec.spec) !== generated.text) {
    return {
      state: 'outdated',
      reason: 'this version of specgate compiles the spec differently; run `specgate compile`',
    };
  }
  return { state: 'ok', reason: 'up to date' };
}

function expectedPath(spec: SpecSource): string | undefined {
  if (!spec.spec) return undefined;
  try {
    return generatedPathFor(spec.spec);
  } catch {
    return undefined;
  }
}

/** Code-unit order, independent of the locale, so reports are the same everywhere. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
