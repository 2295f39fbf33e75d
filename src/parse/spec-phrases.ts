/**
 * The parse stage's side of phrases: the spec's own phrase definitions (front matter `phrases`,
 * and `phrases:` of the phrases.yaml beside the spec), and each prose criterion compiled into a
 * check through them and the built-in books.
 */
import { CucumberExpression, type ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { stringify } from 'yaml';
import type { Criterion, Place } from '../ir.js';
import {
  builtInPhrases,
  compileProse,
  PhraseMatcher,
  type PhraseContext,
  type PhraseDefinition,
} from '../phrases/index.js';
import type { BlockBook } from './blocks.js';
import { readCheck } from './check.js';
import type { KnownNames } from './config.js';
import type { Reporter } from './reporter.js';
import { parseYaml, type YamlValue } from './yaml-tree.js';

const ROLES = new Set(['given', 'when', 'then', 'none']);
/** Keys of a definition that describe it rather than add to the check. */
const DESCRIPTIVE = new Set(['role', 'means']);

/** Definitions of a `phrases:` mapping; bad ones are reported and left out. */
export function readPhraseDefinitions(
  value: YamlValue | undefined,
  book: string,
  registry: ParameterTypeRegistry,
  reporter: Reporter,
): PhraseDefinition[] {
  const definitions: PhraseDefinition[] = [];
  for (const [phrase, entry] of value?.entries() ?? []) {
    const fail = (detail: string): void => {
      reporter.report('SG7001', entry.keyRange(), { phrase, detail });
    };
    try {
      new CucumberExpression(phrase, registry);
    } catch (error) {
      fail((error as Error).message.split('\n').filter(Boolean).slice(-2).join(' '));
      continue;
    }
    const body = entry.isSeq() ? { steps: entry.value } : entry.value;
    if (typeof body !== 'object' || body === null || !Array.isArray((body as { steps?: unknown }).steps)) {
      fail(
        'expected a list of steps, or a mapping with `steps` (and optionally role, means, instances, env)',
      );
      continue;
    }
    const record = body as Record<string, unknown>;
    const role = record['role'] ?? 'when';
    if (typeof role !== 'string' || !ROLES.has(role)) {
      fail('`role` is one of given, when, then, none');
      continue;
    }
    definitions.push({
      phrase,
      book,
      role: role as PhraseDefinition['role'],
      means: typeof record['means'] === 'string' ? record['means'] : 'defined by the spec',
      expands: Object.fromEntries(Object.entries(record).filter(([key]) => !DESCRIPTIVE.has(key))),
      parameters: [],
    });
  }
  return definitions;
}

export interface ProseCompiler {
  matcher: PhraseMatcher;
  context: PhraseContext;
  known: KnownNames | undefined;
  /** Named blocks a phrase's steps may `use`. */
  blocks: BlockBook;
}

export function proseCompiler(
  definitions: readonly PhraseDefinition[],
  registry: ParameterTypeRegistry,
  context: PhraseContext,
  known: KnownNames | undefined,
  blocks: BlockBook,
): ProseCompiler {
  return {
    matcher: new PhraseMatcher([...builtInPhrases, ...definitions], registry),
    context,
    known,
    blocks,
  };
}

/**
 * Compiles a criterion written in prose only. Every clause matched: the criterion gets the check
 * its phrases expand to. A clause that matches nothing (or lacks context): not executable, with
 * the reason. A clause that matches two phrases: an error naming both.
 */
export function compileCriterionProse(
  criterion: Criterion,
  text: string,
  compiler: ProseCompiler,
  reporter: Reporter,
): void {
  if (text.trim() === '') return;
  const result = compileProse(text, compiler.matcher, compiler.context);
  criterion.phrases = result.uses;
  for (const problem of result.problems.filter((p) => p.kind === 'ambiguous'))
    reporter.report('SG7002', rangeOf(criterion.place), {
      clause: problem.clause,
      id: criterion.id,
      phrases: problem.detail.join(' and '),
    });
  const undefinedClause = result.problems.find((p) => p.kind === 'undefined');
  const missing = result.problems.find((p) => p.kind === 'missing-context');
  if (undefinedClause) {
    criterion.notExecutable = `no phrase matches "${undefinedClause.clause}" (lint --suggest drafts one)`;
    return;
  }
  if (missing) {
    criterion.notExecutable = `"${missing.clause}" needs ${missing.detail.join(', ')}`;
    return;
  }
  if (!result.block) {
    if (result.problems.length === 0) criterion.notExecutable = 'its clauses state no check';
    return;
  }
  // The expansion is yaml the parser reads like a written block; its places are the criterion's.
  const at = criterion.place.start.offset;
  const { root } = parseYaml(stringify(result.block), { toSource: () => at });
  if (!root) return;
  const check = readCheck(root, criterion.id, criterion.place, compiler.known, reporter, compiler.blocks);
  if (check) criterion.check = check;
}

function rangeOf(place: Place): [number, number] {
  return [place.start.offset, place.end.offset];
}
