/**
 * What phrases read from the spec itself: the route requests go to, identities and their
 * limits, services, and the time mapping. docs/phrases.md says which phrase reads what.
 */
import type { ContextSection, Section, SpecConfig } from '../ir.js';
import { proseDurationMs } from './parameters.js';
import type { PhraseContext } from './types.js';

export interface ContextSources {
  config: SpecConfig;
  /** Front matter `route`: the request a clause means when it names none. */
  route?: string;
  /** Front matter `time`: durations as written → as run, in ms. */
  time?: ReadonlyMap<number, number>;
  sections: readonly Section[];
  context: readonly ContextSection[];
}

const ROUTE_IN_TEXT = /`((?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/[^`\s]*)`/;
/** "Store into `transactions` table", "the table `transactions`": the table the spec stores into. */
const TABLE_IN_TEXT =
  /`([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)` table\b|\btable `([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)`/i;

const WINDOW_UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  min: 60_000,
  minute: 60_000,
  m: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** `free: 60 req/min`, `paid: 600 requests per minute`: a limit per window, by name. */
const LIMIT_ITEM =
  /^\s*`?([A-Za-z][\w-]*)`?\s*:\s*(\d+)\s*(?:req(?:uest)?s?)?\s*(?:\/|per)\s*(s|sec|second|min|minute|m|h|hour|day)\b/i;

export function phraseContext(sources: ContextSources): PhraseContext {
  const io = sources.sections.find((section) => section.kind === 'io');
  const route = sources.route ?? (io ? ROUTE_IN_TEXT.exec(io.text)?.[1] : undefined);
  const limits: PhraseContext['limits'] = {};
  for (const item of sources.context.flatMap((section) => section.items)) {
    const match = LIMIT_ITEM.exec(item.text);
    if (!match) continue;
    const written = WINDOW_UNIT_MS[match[3]!.toLowerCase()]!;
    limits[match[1]!] = { limit: Number(match[2]), windowMs: sources.time?.get(written) ?? written };
  }
  const context: PhraseContext = {
    identities: Object.keys(sources.config.identities),
    limits,
    services: Object.fromEntries(
      Object.entries(sources.config.services).map(([name, service]) => [name, service.kind]),
    ),
    time: new Map(sources.time ?? []),
  };
  if (route !== undefined) context.route = route;
  const table = sources.sections.map((section) => TABLE_IN_TEXT.exec(section.text)).find(Boolean);
  if (table) context.table = table[1] ?? table[2]!;
  return context;
}

/** Front matter `time` entries (`60s: 3s`) as ms; undefined entries are reported by the caller. */
export function timeMapping(entries: Record<string, unknown>): {
  map: Map<number, number>;
  bad: string[];
} {
  const map = new Map<number, number>();
  const bad: string[] = [];
  for (const [written, run] of Object.entries(entries)) {
    const from = proseDurationMs(written);
    const to = typeof run === 'string' ? proseDurationMs(run) : typeof run === 'number' ? run : undefined;
    if (from === undefined || to === undefined || to <= 0) bad.push(written);
    else map.set(from, to);
  }
  return { map, bad };
}
