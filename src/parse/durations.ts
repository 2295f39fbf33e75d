const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * `1500`, `"1500"`, `"200ms"`, `"1.5s"`, `"2m"`, `"1h"` → milliseconds. Undefined for anything
 * else (the schema has already reported it). Rounded to whole ms: timers cannot do better.
 */
export function durationMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2] ?? 'ms']!);
}

export function isTemplate(value: unknown): value is string {
  return typeof value === 'string' && value.includes('{{');
}

/** A duration, or a Template kept as written (the runtime evaluates it to ms). */
export function durationOrTemplate(value: unknown): number | string | undefined {
  return isTemplate(value) ? value : durationMs(value);
}
