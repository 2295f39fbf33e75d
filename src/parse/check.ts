import type { Actor, Check, Invariant, Place } from '../ir.js';
import { BlockBook } from './blocks.js';
import type { KnownNames } from './config.js';
import { durationMs, durationOrTemplate } from './durations.js';
import { readGeneratorMap } from './generators.js';
import { describeValue, didYouMean, type Reporter } from './reporter.js';
import { BLOCK_CODES, validate } from './schema.js';
import { collectMarks, readSteps } from './steps.js';
import { checkStrings, numberOrTemplate, templateMap, templateOf, textOf } from './values.js';
import type { YamlValue } from './yaml-tree.js';

/** Reads a criterion's yaml block into a Check; undefined when it has an error. */
export function readCheck(
  root: YamlValue,
  id: string,
  place: Place,
  known: KnownNames | undefined,
  reporter: Reporter,
  blocks = new BlockBook(),
): Check | undefined {
  if (!root.isMap()) {
    reporter.report(
      'SG3002',
      root.range(),
      { id },
      { expected: 'keys such as steps, for all, actors', found: describeValue(root.value) },
    );
    return undefined;
  }
  const errorsBefore = reporter.diagnostics.length;
  validate('check', root, reporter, BLOCK_CODES);
  checkStrings(root, reporter);

  const forAll = root.get('for all') ? readGeneratorMap(root.get('for all'), reporter) : undefined;
  const actors = readActors(root.get('actors'), known, reporter);
  const instances =
    typeof root.get('instances')?.value === 'number' ? (root.get('instances')!.value as number) : 1;
  const steps = readSteps(root.get('steps'), {
    reporter,
    ...(known ? { known } : {}),
    actors: new Set(Object.keys(actors)),
    marks: collectMarks(root.get('steps'), blocks),
    instances,
    blocks,
  });
  const invariants = (root.get('invariants')?.items() ?? []).map((item) => readInvariant(item, reporter));

  const check: Check = { steps, place };
  if (forAll) check.forAll = forAll;
  const runs = root.get('runs')?.value;
  if (typeof runs === 'number') check.runs = runs;
  const lets = templateMap(root.get('let'));
  if (lets) check.let = lets;
  if (root.get('actors')) check.actors = actors;
  if (root.get('instances')) check.instances = instances;
  const env = templateMap(root.get('env'), textOf);
  if (env) check.env = env;
  const fresh = root.get('fresh target')?.value;
  if (typeof fresh === 'boolean') check.freshTarget = fresh;
  if (invariants.length > 0) check.invariants = invariants.filter((i): i is Invariant => i !== undefined);
  const timeout = root.get('timeout') ? durationMs(root.get('timeout')!.value) : undefined;
  if (timeout !== undefined) check.timeout = timeout;

  const hasNewErrors = reporter.diagnostics.slice(errorsBefore).some((d) => d.severity === 'error');
  return hasNewErrors ? undefined : check;
}

function readActors(
  value: YamlValue | undefined,
  known: KnownNames | undefined,
  reporter: Reporter,
): Record<string, Actor> {
  const actors: Record<string, Actor> = {};
  for (const [name, entry] of value?.entries() ?? []) {
    const identity = entry.get('identity');
    const identityName = identity?.string() ?? '';
    if (identity && known && !known.identities.has(identityName)) {
      const candidates = [...known.identities];
      const hint = didYouMean(identityName, candidates);
      reporter.report(
        'SG5007',
        identity.range(),
        { actor: name, name: identityName },
        {
          expected:
            candidates.length > 0
              ? `one of: ${candidates.join(', ')}`
              : 'an identity declared in the front matter "identities"',
          found: identityName,
          ...(hint ? { hint } : {}),
        },
      );
    }
    const params = entry
      .entries()
      .filter(([key]) => key !== 'identity')
      .map(([key, param]) => [key, templateOf(param.value)]);
    actors[name] = { identity: identityName, params: Object.fromEntries(params) };
  }
  return actors;
}

function readInvariant(value: YamlValue, reporter: Reporter): Invariant | undefined {
  const keys = value.keys();
  if (!value.isMap() || keys.length !== 1) {
    reporter.report(
      'SG3017',
      value.range(),
      {},
      { found: value.isMap() ? keys.join(', ') || 'no key' : String(value.value) },
    );
    return undefined;
  }
  if (!validate('invariant', value, reporter, BLOCK_CODES)) return undefined;
  const place = reporter.place(...value.range());
  const body = value.get(keys[0]!)!;
  const text = (key: string): string | undefined => body.get(key)?.string();
  if (keys[0] === 'each') {
    return {
      kind: 'each',
      holds: text('holds') ?? '',
      place,
      ...(text('where') !== undefined ? { where: text('where')! } : {}),
      ...(text('message') !== undefined ? { message: text('message')! } : {}),
    };
  }
  const limit = numberOrTemplate(body.get('limit'), '"limit"', reporter);
  return {
    kind: 'rolling-window',
    key: text('key') ?? '',
    limit: limit ?? 0,
    window: durationOrTemplate(body.get('window')?.value) ?? 0,
    tolerance: durationMs(body.get('tolerance')?.value ?? 0) ?? 0,
    place,
    ...(text('allowed') !== undefined ? { allowed: text('allowed')! } : {}),
    ...(text('rejected') !== undefined ? { rejected: text('rejected')! } : {}),
  };
}
