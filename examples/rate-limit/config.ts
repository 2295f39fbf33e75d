/** The service's environment, as the harness hands it over (see the contract's "How the harness runs an implementation"). */
export interface RateLimitConfig {
  host: string;
  port: number;
  redisUrl: string;
  windowMs: number;
}

const DEFAULT_WINDOW_MS = 60_000;

export function readConfig(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: readInteger(env, 'PORT', 3000, 0),
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    windowMs: readInteger(env, 'RATE_LIMIT_WINDOW_MS', DEFAULT_WINDOW_MS, 1),
  };
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}
