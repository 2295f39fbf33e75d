/** Environment knobs the CLI sets from its flags (see docs/decisions/0001-architecture.md). */

export interface Knobs {
  targetOverride?: string;
  seed?: number;
  path?: string;
  runs?: number;
  verbose: boolean;
  root: string;
  /** How long shrinking may go on after a property first fails, ms. */
  shrinkBudgetMs: number;
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw new Error(`${name} must be an integer, got ${JSON.stringify(value)}`);
  return number;
}

export function readKnobs(env: NodeJS.ProcessEnv = process.env): Knobs {
  const override = env.SPECGATE_TARGET?.trim();
  return {
    targetOverride: override ? override : undefined,
    seed: integer('SPECGATE_SEED', env.SPECGATE_SEED),
    path: env.SPECGATE_PATH?.trim() || undefined,
    runs: integer('SPECGATE_RUNS', env.SPECGATE_RUNS),
    verbose: env.SPECGATE_VERBOSE === '1' || env.SPECGATE_VERBOSE === 'true',
    root: env.SPECGATE_ROOT?.trim() || process.cwd(),
    shrinkBudgetMs: integer('SPECGATE_SHRINK_MS', env.SPECGATE_SHRINK_MS) ?? 60_000,
  };
}
