/**
 * The parameter types phrases are written with, built per spec because some read its context
 * (`{identity}` is one of its identities, `{service}` one of its services). Values are plain:
 * numbers, strings, parsed JSON, and `Duration`s that remember how they were written.
 */
import { ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import type { PhraseContext } from './types.js';

/** A duration as written in the prose and as it runs (after the front matter's `time` mapping). */
export interface Duration {
  written: string;
  ms: number;
  runMs: number;
}

export function isDuration(value: unknown): value is Duration {
  return typeof value === 'object' && value !== null && 'runMs' in value && 'written' in value;
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

const DURATION = /(\d+(?:\.\d+)?) ?(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)/;
/** The same without groups: Cucumber hands a parameter's groups to its transform, and this one wants the text. */
const DURATION_TEXT = /\d+(?:\.\d+)? ?(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)/;

/** Milliseconds of a duration written in prose (`60s`, `500 ms`, `2 minutes`), or undefined. */
export function proseDurationMs(text: string): number | undefined {
  const match = new RegExp(`^${DURATION.source}$`).exec(text.trim().toLowerCase());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!]!);
}

const COUNT_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  // "N instances", "several instances": enough to show shared state, few enough to start fast.
  n: 3,
  several: 3,
  multiple: 3,
  many: 3,
};

/** Kind words that name a service in prose, by the service kinds of the front matter. */
const KIND_WORDS: Readonly<Record<string, readonly string[]>> = {
  redis: ['redis'],
  postgres: ['postgresql', 'postgres', 'the database', 'the db'],
  http: [],
  command: [],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A regexp alternative of the words, longest first; one that never matches when there are none. */
function alternatives(words: readonly string[]): RegExp {
  if (words.length === 0) return /\b\B/;
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?:${sorted.join('|')})`);
}

/** Which service a word of the prose names: a service name, or a kind word when one service has that kind. */
export function serviceWords(context: PhraseContext): Map<string, string> {
  const words = new Map<string, string>();
  const byKind = new Map<string, string[]>();
  for (const [name, kind] of Object.entries(context.services)) {
    words.set(name.toLowerCase(), name);
    byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  }
  for (const [kind, names] of byKind) {
    if (names.length !== 1) continue;
    for (const word of KIND_WORDS[kind] ?? []) if (!words.has(word)) words.set(word, names[0]!);
  }
  return words;
}

export function parameterRegistry(context: PhraseContext): ParameterTypeRegistry {
  const registry = new ParameterTypeRegistry();
  const define = (name: string, regexp: RegExp, transform: (text: string) => unknown): void => {
    registry.defineParameterType(new ParameterType(name, regexp, null, transform, true, false));
  };
  define('ordinal', /\d+(?:st|nd|rd|th)/, (text) => parseInt(text, 10));
  define('duration', DURATION_TEXT, (text) => {
    const ms = proseDurationMs(text)!;
    const runMs = context.time.get(ms) ?? ms;
    const duration: Duration = { written: text, ms, runMs };
    return duration;
  });
  define('count', /\d+|two|three|four|five|n|several|multiple|many/, (text) =>
    /^\d+$/.test(text) ? Number(text) : COUNT_WORDS[text],
  );
  const identities = new Map(context.identities.map((name) => [name.toLowerCase(), name]));
  define('identity', alternatives([...identities.keys()]), (text) => identities.get(text) ?? text);
  const services = serviceWords(context);
  define('service', alternatives([...services.keys()]), (text) => services.get(text) ?? text);
  define('route', /`(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/[^`]*`/, (text) => text.slice(1, -1));
  define('json', /`[[{][^`]*`/, (text) => JSON.parse(text.slice(1, -1)) as unknown);
  define('code', /`[^`]+`/, (text) => text.slice(1, -1));
  return registry;
}
