/** Assembles the strength report: the score, and per criterion the wrong implementations it killed. Pure. */
import { criterionTitle } from '../compile/index.js';
import type { Spec } from '../ir.js';
import { STRENGTH_SCHEMA_VERSION } from './model.js';
import type {
  CriterionStrength,
  Score,
  StrengthReport,
  StrengthSettings,
  WrongImplementation,
} from './model.js';

export interface StrengthInput {
  mode: StrengthReport['mode'];
  specs: readonly Spec[];
  wrong: readonly WrongImplementation[];
  settings: StrengthSettings;
  target?: string;
  version: string;
  createdAt: Date;
  durationMs: number;
}

export function buildStrengthReport(input: StrengthInput): StrengthReport {
  const criteria = input.specs.flatMap((spec) =>
    spec.sections.flatMap((section) =>
      section.criteria.map((criterion): CriterionStrength => ({
        key: `${spec.file}#${criterion.id}`,
        spec: spec.file,
        id: criterion.id,
        title: criterionTitle(criterion),
        line: criterion.place.start.line,
        kills: [],
      })),
    ),
  );
  const byKey = new Map(criteria.map((criterion) => [criterion.key, criterion]));
  for (const wrong of input.wrong) {
    if (wrong.status !== 'killed') continue;
    for (const key of wrong.killedBy) byKey.get(key)?.kills.push(wrong.id);
  }
  return {
    schemaVersion: STRENGTH_SCHEMA_VERSION,
    tool: { name: 'specgate', version: input.version },
    createdAt: input.createdAt.toISOString(),
    durationMs: Math.max(0, input.durationMs),
    mode: input.mode,
    specs: input.specs.map((spec) => spec.file),
    ...(input.target !== undefined ? { target: input.target } : {}),
    settings: input.settings,
    score: scoreOf(input.wrong),
    criteria,
    wrong: [...input.wrong],
  };
}

export function scoreOf(wrong: readonly WrongImplementation[]): Score {
  const count = (status: WrongImplementation['status']): number =>
    wrong.filter((entry) => entry.status === status).length;
  const killed = count('killed');
  const timeout = count('timeout');
  const survived = count('survived');
  const noCoverage = count('no-coverage');
  const judged = killed + timeout + survived + noCoverage;
  return {
    judged,
    killed,
    timeout,
    survived,
    noCoverage,
    errors: count('error'),
    notRun: count('not-run'),
    ratio: judged === 0 ? null : (killed + timeout) / judged,
  };
}

/** `87.5%`, or `n/a` when nothing was judged. */
export function scorePercent(score: Score): string {
  return score.ratio === null ? 'n/a' : `${Math.round(score.ratio * 1000) / 10}%`;
}
