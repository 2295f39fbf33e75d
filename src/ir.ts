/**
 * The spec IR: what a parsed spec *is*. Every stage speaks these types
 * (parse → lint → compile → runtime → cli/report), so this file is also the
 * most precise definition of the spec format; docs/spec-format.md is its prose.
 *
 * Conventions
 * - Everything here is plain JSON data: the compiler emits criteria into the
 *   generated test files as literals and the runtime executes them as is.
 * - `Template` is a string that may contain `{{ expression }}` parts written in
 *   JSONata. A string that is exactly one `{{ … }}` evaluates to the raw value
 *   (number, array, object…); otherwise the parts are interpolated as text.
 *   `{{{{` writes a literal `{{`. Templates are evaluated by the runtime with
 *   the criterion's scope (vars, generated values, actors, saved responses).
 * - Durations are milliseconds after parsing (`"1.5s"`, `"200ms"`, `"2m"` and
 *   plain numbers are accepted in YAML) unless they are a Template.
 */
import type { ToxicType } from './toxics.js';
import type { PostgresFaultType } from './postgres-faults.js';

/* ------------------------------------------------------------------ places */

/** 1-based line and column, 0-based offset, as in unist/mdast. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Place {
  /** Path of the spec file relative to the project root, with `/` separators. */
  file: string;
  start: Point;
  end: Point;
}

/* -------------------------------------------------------------------- spec */

/**
 * A spec name: `[a-z0-9][a-z0-9-]*`, at most SPEC_NAME_MAX_LENGTH characters, so that
 * `generated/<name>.test.ts` is a file name every file system can hold (255 bytes at most).
 */
export const SPEC_NAME_MAX_LENGTH = 100;
export const SPEC_NAME = new RegExp(`^[a-z0-9][a-z0-9-]{0,${SPEC_NAME_MAX_LENGTH - 1}}$`);

export interface Spec {
  /** Stable name (SPEC_NAME); the generated file is `generated/<name>.test.ts`. */
  name: string;
  /** The H1 of the document (or front matter `title`). */
  title: string;
  /** Relative path of the Markdown file, e.g. `specs/rate-limit.md`. */
  file: string;
  /** sha256 (hex) of the spec file's bytes. */
  sha256: string;
  /** sha256 (hex) of the phrases and blocks its criteria expand through, when they use any (the drift check compares it). */
  definitionsSha256?: string;
  config: SpecConfig;
  sections: Section[];
  /** Sections under other headings (`Tiers`, `Notes`): context that lint and phrases read. */
  context?: ContextSection[];
  place: Place;
}

export interface ContextSection {
  heading: string;
  text: string;
  items: ProseItem[];
  place: Place;
}

export type SectionKind = 'goal' | 'io' | 'constraints' | 'failure-modes' | 'out-of-scope' | 'acceptance';

/** Order in which sections are expected and in which generated `describe`s appear. */
export const SECTION_KINDS: readonly SectionKind[] = [
  'goal',
  'io',
  'constraints',
  'failure-modes',
  'out-of-scope',
  'acceptance',
];

export const SECTION_TITLES: Readonly<Record<SectionKind, string>> = {
  goal: 'Goal',
  io: 'Inputs / Outputs',
  constraints: 'Constraints',
  'failure-modes': 'Failure Modes',
  'out-of-scope': 'Out of Scope',
  acceptance: 'Acceptance',
};

export interface Section {
  kind: SectionKind;
  /** The heading text as written. */
  heading: string;
  /** The section's prose as Markdown source (without the heading). */
  text: string;
  /** Top-level list items that are not criteria (out-of-scope items, untestable constraints…). */
  items: ProseItem[];
  /** Criteria: list items with an id (always, in Acceptance and Failure Modes). */
  criteria: Criterion[];
  place: Place;
}

export interface ProseItem {
  text: string;
  place: Place;
}

/* --------------------------------------------------------------- criterion */

export interface Criterion {
  /** Stable id such as `AC-1`, `FM-3`, `C-2`: unique within the spec. */
  id: string;
  /** Optional short name after the id, e.g. `free-limit` in `**AC-1 free-limit**`. */
  name?: string;
  /** The item's prose, as plain text (Markdown inline formatting removed). */
  prose: string;
  section: SectionKind;
  /** Present when the item has a fenced `yaml` block, or its prose compiled through phrases: the executable part. */
  check?: Check;
  /** True when the item had no id and got one by section and position (reordering renumbers it). */
  implicitId?: boolean;
  /** Why there is no check although one was attempted (no target, a clause no phrase matches). */
  notExecutable?: string;
  /** How the prose compiled: each clause, the phrase it matched and the steps it expanded to. */
  phrases?: PhraseUse[];
  /** Place of the list item; `check.place` is the place of the YAML block. */
  place: Place;
}

/** One clause of a criterion's prose and what it was taken to mean. */
export interface PhraseUse {
  /** The clause as written. */
  clause: string;
  /** The matching phrase's Cucumber Expression, and the book it comes from (`http`, `spec`…); absent when none matched. */
  phrase?: string;
  book?: string;
  /** The parameters as matched. */
  parameters?: Record<string, string | number>;
  /** Durations of the prose run shorter, as the front matter's `time` maps them (`60s → 3s`). */
  timeMappings?: string[];
}

/** The executable part of a criterion (the fenced yaml block). */
export interface Check {
  /** Generated inputs: the criterion becomes a fast-check property over them. */
  forAll?: Record<string, Generator>;
  /** Runs of the property (overrides front matter `runs`; `--runs` overrides both). */
  runs?: number;
  /** Values computed once per run before steps, in order (each may use earlier ones). */
  let?: Record<string, Template>;
  /** Named actors for this criterion (see `Actor`). */
  actors?: Record<string, Actor>;
  /** Number of target instances: processes for a command target, separate imports for a module target. Default 1. */
  instances?: number;
  /** Extra env for the target, on top of the front matter's. Forces a target of its own. */
  env?: Record<string, Template>;
  /** Start the target for this criterion only and stop it after (default: reuse between criteria). */
  freshTarget?: boolean;
  steps: Step[];
  /** Invariants checked over the run's recorded history after the steps. */
  invariants?: Invariant[];
  /** Per-run timeout in ms (default: front matter `timeout`, else 30 s). */
  timeout?: number;
  place: Place;
}

/* ----------------------------------------------------------------- actors */

/**
 * An actor is an identity from the front matter bound to parameters.
 * `params` default to the identity's `defaults`; an identity's `{{ $unique }}`
 * default gives every actor a fresh value per run (e.g. a user id).
 * A step's `as` names an actor, or an identity directly (an implicit actor with defaults).
 */
export interface Actor {
  identity: string;
  params: Record<string, Template>;
}

/* ------------------------------------------------------------------ steps */

export type Step =
  | SendStep
  | RunStep
  | ParallelStep
  | SequenceStep
  | EachStep
  | EventuallyStep
  | WaitStep
  | RestartStep
  | FaultStep
  | ProtocolFaultStep
  | HealStep
  | ServiceStep
  | MarkStep
  | LetStep
  | ExpectLogStep
  | ExpectMetricStep
  | ExpectRedisStep
  | ExpectSqlStep
  | ExpectCallsStep
  | ExpectExecStep
  | SqlStep
  | RedisStep
  | AssertStep;

interface StepBase {
  /** Optional label, used in reports and by `since`. */
  label?: string;
  place: Place;
}

/** An HTTP request to the target. */
export interface SendStep extends StepBase {
  kind: 'send';
  method: string;
  /** Path with query, a Template. */
  path: Template;
  /** Actor or identity name (Template allowed, e.g. `"{{ item.user }}"`). */
  as?: Template;
  headers?: Record<string, Template>;
  /** Body: `json` (serialised, content-type application/json) or raw `text`. */
  body?: { json: TemplateValue } | { text: Template; contentType?: string };
  /** Which instance: a number, `round-robin` (default) or `random` (drawn from the run's seed). */
  instance?: number | 'round-robin' | 'random' | Template;
  /** Send this request N times (Template allowed). Responses are numbered by `index` from 0. */
  repeat?: number | Template;
  /** With `repeat`: how many in flight at once (default 1: one after the other). */
  concurrency?: number;
  /** Checked on every response; templates see `index` (0-based within repeat). */
  expect?: ResponseExpectation;
  /** With `repeat`: counts of responses by a key, e.g. `{ status: { "200": 60, "429": 1 } }`. */
  tally?: Tally;
  /** Save the (last) response under this name: later templates see `name.status`, `name.headers`, `name.body`, `name.latency`. All responses of a repeat are in `name.all`. */
  save?: string;
  /** Per-request deadline in ms: a request without a full response by then fails the step at once, naming the faults in force. */
  timeout?: number | Template;
  /** Follow redirects (3xx with `Location` on the target's origin), at most this many hops. Default: not followed. */
  followRedirects?: number;
}

/** A CLI invocation (cli targets). */
export interface RunStep extends StepBase {
  kind: 'run';
  args: Template[];
  stdin?: Template;
  env?: Record<string, Template>;
  /** Files written in the run's scratch directory before the run (path → content); the command runs
   * from the project root and finds them under `{{ scratch }}` (an absolute path). */
  files?: Record<string, Template>;
  expect?: CliExpectation;
  save?: string;
}

export interface ParallelStep extends StepBase {
  kind: 'parallel';
  steps: Step[];
}

/** Steps run one after the other: a branch of a `parallel` that has several steps. */
export interface SequenceStep extends StepBase {
  kind: 'sequence';
  steps: Step[];
}

/** Runs `steps` once per element of `over` (a Template giving an array), binding it to `as`. */
export interface EachStep extends StepBase {
  kind: 'each';
  over: Template;
  as: string;
  steps: Step[];
  /** Run iterations concurrently (default false). */
  concurrent?: boolean;
}

/** Retries `steps` until all their expectations pass, or fails with the last failure after `within`. */
export interface EventuallyStep extends StepBase {
  kind: 'eventually';
  within: number | Template;
  every: number;
  steps: Step[];
}

export interface WaitStep extends StepBase {
  kind: 'wait';
  ms: number | Template;
}

/** Restart one target instance (SIGTERM, then start again and wait until ready). */
export interface RestartStep extends StepBase {
  kind: 'restart';
  instance: number | 'all';
}

/** The toxic types and their attributes are declared once, in src/toxics.ts. */
export type { ToxicType };

/** Adds a toxic to the fault proxy in front of a service (Toxiproxy's model). */
export interface FaultStep extends StepBase {
  kind: 'fault';
  service: string;
  toxic: ToxicType;
  /** Name for `heal`; default the toxic type. */
  name?: string;
  /** `downstream` (service → target, default) or `upstream` (target → service). */
  stream?: 'upstream' | 'downstream';
  /** Probability 0..1 that a connection is affected, drawn from the run's seed. Default 1. */
  toxicity?: number;
  /** The toxic's attributes by name (src/toxics.ts), in their units: durations in ms, sizes in bytes, rates in KB/s. */
  attributes?: Record<string, number | Template>;
  /** Remove the toxic automatically after this many ms (otherwise at `heal` or at the end of the criterion). */
  for?: number | Template;
}

/**
 * A fault at the protocol level, added and removed like a toxic (named, `for`, healed by `heal`,
 * removed at the end of the run): answers of an HTTP upstream (see `HttpFault`), Redis error
 * replies from the fault proxy (`RedisFault`), faults the PostgreSQL server produces (`PostgresFault`).
 */
export interface ProtocolFaultStep extends StepBase {
  kind: 'protocol-fault';
  service: string;
  fault: HttpFault | RedisFault | PostgresFault;
  /** Name for `heal`; default the fault's type. */
  name?: string;
  /** Probability 0..1 that a call (or command) is affected, drawn from the run's seed. Default 1. */
  toxicity?: number;
  /** Remove the fault automatically after this many ms. */
  for?: number | Template;
}

export type HttpFaultType =
  'latency' | 'no_answer' | 'reset' | 'close_mid_body' | 'status' | 'malformed_json';

/** What an HTTP upstream does to the calls a fault selects, instead of (or before) its rules' answer. */
export interface HttpFault {
  protocol: 'http';
  type: HttpFaultType;
  /** Which calls: method and path as in a rule (default every call). */
  match?: { method?: string; path?: string };
  /** Only the first N selected calls (default every one while the fault is active). */
  times?: number | Template;
  /** latency: wait before the rules answer, ms. */
  delay?: number | Template;
  /** status: the answer's status (a 5xx or 429). */
  status?: number;
  /** status: `Retry-After` header, in seconds. */
  retryAfter?: number | Template;
}

/** The fault proxy answers chosen commands of a Redis service with an error instead of forwarding them. */
export interface RedisFault {
  protocol: 'redis';
  /** The error reply without `-` and CRLF: `OOM command not allowed when used memory > 'maxmemory'.` */
  error: string;
  /** Upper-case command names (default every command). */
  commands?: string[];
  /** Only the first N selected commands (default every one while the fault is active). */
  times?: number | Template;
}

export type { PostgresFaultType };

/** A fault of a PostgreSQL service, made by the harness's own connections to the server. */
export interface PostgresFault {
  protocol: 'postgres';
  /** terminate the target's backends (once), hold a table lock, or fail statements with 40001. */
  type: PostgresFaultType;
  /** lock, serialization_failure: `table` or `schema.table`. */
  table?: string;
  /** lock: a LOCK TABLE mode in lower case (default `access exclusive`). */
  mode?: string;
  /** serialization_failure: only the first N selected statements. */
  times?: number | Template;
}

export interface HealStep extends StepBase {
  kind: 'heal';
  service: string;
  /** A toxic name; omitted: remove every toxic of the service. */
  name?: string;
}

/** Process faults on a harness-started service. External services cannot be killed. */
export interface ServiceStep extends StepBase {
  kind: 'service';
  service: string;
  action: 'kill' | 'start' | 'restart' | 'pause' | 'resume';
  /** With `start`/`restart`: start with an empty data directory. Default false (data kept). */
  wipe?: boolean;
}

/** Records a point in time (and a metrics snapshot) that later `since:` can refer to. */
export interface MarkStep extends StepBase {
  kind: 'mark';
  name: string;
}

export interface LetStep extends StepBase {
  kind: 'let';
  values: Record<string, Template>;
}

/** Log lines captured from the target since a mark (default: the criterion's start). */
export interface ExpectLogStep extends StepBase {
  kind: 'expect-log';
  /** `warn` matches plain lines containing WARN/WARNING (any case) and JSON lines with level warn/warning (or numeric 40 as in pino). */
  level?: 'debug' | 'info' | 'warn' | 'error';
  contains?: Template;
  /** A regular expression (JavaScript syntax, no flags). */
  matches?: string;
  /** How many matching lines; default `{ $gte: 1 }`. */
  count?: Matcher | number;
  since?: string;
  instance?: number;
}

/** A Prometheus counter/gauge on the target's /metrics, summed over instances and matching labels. */
export interface ExpectMetricStep extends StepBase {
  kind: 'expect-metric';
  name: string;
  labels?: Record<string, string>;
  /** Change since `since` (a mark; default the criterion's start). */
  delta?: Matcher | number | Template;
  /** Absolute value now. */
  value?: Matcher | number | Template;
  since?: string;
  /** `metrics` path; default from front matter, else /metrics. */
  path?: string;
  /** Save `{ value, delta }` (delta when a baseline exists) for later templates. */
  save?: string;
}

/** Redis state, read directly from the service (not through the fault proxy). */
export interface ExpectRedisStep extends StepBase {
  kind: 'expect-redis';
  service: string;
  /** One key (Template) … */
  key?: Template;
  /** … or every key matching a glob pattern (SCAN MATCH). */
  keys?: Template;
  /** Number of keys matching `keys`. */
  count?: Matcher | number | Template;
  /** The names of the keys matching `keys`, sorted (e.g. `{ $subsetOf: "{{ rows }}" }` for a cross-store check). */
  names?: Matcher | TemplateValue;
  /** Checked on the key, or on each key matching `keys`. */
  expect?: RedisKeyExpectation;
  /** Save the key's state (`key`), or `{ keys, count, all }` (`keys`), for later templates. */
  save?: string;
}

export interface RedisKeyExpectation {
  exists?: boolean;
  type?: 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream';
  /** TTL in ms (PTTL); -1 when the key has none. */
  ttl?: Matcher | number | Template;
  /** Number of members (ZCARD/SCARD/LLEN/HLEN/STRLEN). */
  size?: Matcher | number | Template;
  /** Sorted-set members with scores, as `[{ member, score }]`, ascending by score; set members as sorted strings. */
  members?: Matcher | TemplateValue;
  /** A string key's value. */
  value?: Matcher | TemplateValue;
  /** A hash's fields as an object (a plain object matches as a subset). */
  fields?: Matcher | TemplateValue;
  /** A list's items, head first. */
  items?: Matcher | TemplateValue;
}

/** SQL query result, run directly on the service (not through the fault proxy). */
export interface ExpectSqlStep extends StepBase {
  kind: 'expect-sql';
  service: string;
  /** A Template (e.g. a query kept in `vars`); values belong in `params`, not in the query text. */
  query: Template;
  params?: TemplateValue[];
  /** Exactly these rows, in order (values compared after JSON normalisation). */
  rows?: Matcher | TemplateValue;
  /** Number of rows. */
  count?: Matcher | number | Template;
  save?: string;
}

/**
 * Calls an HTTP upstream (an `http` service) received since a mark (default the run's start),
 * filtered by method, path, headers and body.
 */
export interface ExpectCallsStep extends StepBase {
  kind: 'expect-calls';
  service: string;
  method?: string;
  /** A path pattern as in a rule (`:name` segments, a final `*`); the query is not part of it. */
  path?: string;
  headers?: Record<string, Matcher | Template>;
  /** JSON body: objects match as subsets. */
  body?: Matcher | TemplateValue;
  /** Number of matching calls; default `{ $gte: 1 }`. */
  count?: Matcher | number | Template;
  /** Each time between consecutive matching calls (ms, arrival to arrival), e.g. a backoff. */
  gaps?: Matcher | number | Template;
  /** The matching calls, in order of arrival, are these (each a subset of `method`, `path`, `headers`, `body`). */
  order?: Array<Matcher | TemplateValue>;
  since?: string;
  /** Save the matching calls as a list of `{ method, path, query, headers, body, text, at }`. */
  save?: string;
}

/**
 * A command run by the harness to read a service's state (e.g. `memcstat`, `nats` CLI, `curl`),
 * from the project root, its result matched like a CLI run. Templates see the scope and
 * `services.NAME` (`url` direct, not through the proxy; `host`; `port`).
 */
export interface ExpectExecStep extends StepBase {
  kind: 'expect-exec';
  /** A shell command line (the spec's own text; template values are inserted as written) or an argument list (each quoted). */
  run: Template | Template[];
  stdin?: Template;
  expect: CliExpectation;
  save?: string;
}

/** Runs SQL on a service directly (setup), e.g. to seed rows. */
export interface SqlStep extends StepBase {
  kind: 'sql';
  service: string;
  /** A Template (e.g. a query kept in `vars`); values belong in `params`, not in the query text. */
  query: Template;
  params?: TemplateValue[];
  save?: string;
}

/** Runs one Redis command on a service directly (setup). */
export interface RedisStep extends StepBase {
  kind: 'redis';
  service: string;
  command: Template[];
  save?: string;
}

/** A boolean JSONata expression over the scope that must hold. */
export interface AssertStep extends StepBase {
  kind: 'assert';
  that: Template;
  message?: string;
}

/* ----------------------------------------------------------- expectations */

export interface ResponseExpectation {
  status?: Matcher | number | Template;
  /** Header names are case-insensitive; a header matcher sees the header's string value. */
  headers?: Record<string, Matcher | Template>;
  /** JSON body: objects match as subsets (extra keys allowed), arrays and scalars exactly. */
  body?: Matcher | TemplateValue;
  /** A JSON Schema the JSON body must satisfy. */
  bodySchema?: Record<string, unknown>;
  /** The raw body text. */
  text?: Matcher | Template;
  /** Time from send to full response, in ms. */
  latency?: Matcher | number;
  /** Log lines this request caused (see `RequestLogExpectation`); each must hold. */
  log?: RequestLogExpectation[];
  /** Metric changes this request caused; each must hold. */
  metric?: RequestMetricExpectation[];
}

/**
 * Lines the request's instance logged from the moment the request was sent until
 * `OBSERVATION_SETTLE_MS` after its response (requests of such a send go one at a time).
 */
export interface RequestLogExpectation {
  level?: 'debug' | 'info' | 'warn' | 'error';
  contains?: Template;
  matches?: string;
  /** Default `{ $gte: 1 }`. */
  count?: Matcher | number | Template;
}

/** A metric's change across one request (scraped just before it and after its settle time), summed over instances. */
export interface RequestMetricExpectation {
  name: string;
  labels?: Record<string, string>;
  delta: Matcher | number | Template;
}

export interface CliExpectation {
  exit?: Matcher | number | Template;
  stdout?: Matcher | Template;
  stderr?: Matcher | Template;
  /** stdout parsed as JSON, matched like an HTTP body. */
  json?: Matcher | TemplateValue;
  /** Files in the scratch directory after the run (path → content matcher, or `{ $absent: true }`). */
  files?: Record<string, Matcher | Template>;
}

/** Counts of repeated responses grouped by `status` (the only grouping key for now). */
export interface Tally {
  status: Record<string, Matcher | number | Template>;
}

/**
 * A matcher is an object whose keys all start with `$`; several keys must all hold.
 * Anywhere a Matcher is accepted, a plain value means "equals" (after template evaluation),
 * except JSON bodies, where plain objects match as subsets.
 */
export interface Matcher {
  $eq?: TemplateValue;
  /** Deep equality, no subset matching. */
  $exact?: TemplateValue;
  $oneOf?: TemplateValue[];
  $not?: Matcher;
  /** Numeric comparisons; strings that are decimal numbers (e.g. a header) are compared as numbers. */
  $gt?: number | Template;
  $gte?: number | Template;
  $lt?: number | Template;
  $lte?: number | Template;
  /** An integer (or a string of one) in an inclusive range: `$int: [1, 60]`. */
  $int?: [number | Template, number | Template];
  /** JavaScript regular expression source, tested against the string value. */
  $matches?: string;
  /** Substring of a string, or element of an array. */
  $contains?: TemplateValue;
  $type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';
  $length?: Matcher | number | Template;
  /** For headers, keys and fields: not present at all. */
  $absent?: boolean;
  $present?: boolean;
  /** Every element of an array matches. */
  $each?: Matcher | TemplateValue;
  /** Set difference: every element of the actual array is in this list (a mismatch names the elements that are not). */
  $subsetOf?: TemplateValue;
  /** Set difference: the actual array holds every element of this list (a mismatch names the missing ones). */
  $supersetOf?: TemplateValue;
  /** A JSON Schema. */
  $schema?: Record<string, unknown>;
  /** A boolean JSONata expression where `$` is the actual value. */
  $expr?: string;
}

/* ---------------------------------------------------------------- values */

/** A string that may contain `{{ JSONata }}` parts (see the file comment). */
export type Template = string;

/** Any JSON value whose strings are Templates. */
export type TemplateValue =
  null | boolean | number | Template | TemplateValue[] | { [key: string]: TemplateValue };

/* -------------------------------------------------------------- generators */

/**
 * Typed declarations of generated inputs, each mapped to a fast-check arbitrary (faker seeded from fast-check).
 * Every property tries its generators' edges first (bounds and their neighbours, calendar and text edges,
 * then `always`: values the spec author wants in every run set); see runtime/arbitraries/edges.ts.
 */
export type Generator = GeneratorShape & { always?: TemplateValue[] };

type GeneratorShape =
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'enum'; values: TemplateValue[] }
  | { kind: 'constant'; value: TemplateValue }
  | { kind: 'boolean' }
  /** `[A-Za-z0-9_-]` strings (user ids, keys). */
  | { kind: 'slug'; minLength: number; maxLength: number }
  /** Realistic addresses (faker), or with `style: any` every address RFC 5322 allows (fast-check `emailAddress`). */
  | { kind: 'email'; style?: 'any' }
  /** Strings whose whole value matches a JavaScript regular expression, read with the `u` flag (fast-check `stringMatching`). */
  | { kind: 'pattern'; pattern: string }
  /** Strings of `minLength..maxLength` code points, each from `chars` (a regex character class body, e.g. `a-z0-9_`). */
  | { kind: 'string'; chars: string; minLength: number; maxLength: number }
  /** Web URLs (fast-check `webUrl`) over `schemes`, optionally with query and fragment. */
  | { kind: 'url'; schemes: string[]; query: boolean; fragment: boolean }
  /** UUIDs in lower-case hex, of one RFC 9562 version or (absent) of any of versions 1 to 8. */
  | { kind: 'uuid'; version?: number }
  /** IP addresses in their usual text form: dotted quads for 4, RFC 5952 style for 6. */
  | { kind: 'ip'; version: 4 | 6 }
  /** ISO 8601 UTC instants `YYYY-MM-DDTHH:MM:SS.sssZ` between two instants (inclusive). */
  | { kind: 'timestamp'; min: string; max: string }
  /** ISO dates `YYYY-MM-DD` between two dates (inclusive). */
  | { kind: 'date'; min: string; max: string }
  /** Decimal numbers as strings with exactly `scale` digits after the point. */
  | { kind: 'decimal'; min: number; max: number; scale: number }
  | { kind: 'iso'; standard: 'currency' | 'country' | 'language' }
  /**
   * Free text of `minLength..maxLength` code points. `style: words` gives realistic
   * faker text; `specials` mixes in commas, quotes, CR/LF and non-ASCII characters.
   */
  | { kind: 'text'; minLength: number; maxLength: number; style: 'words' | 'any'; specials: boolean }
  | { kind: 'list'; of: Generator; minLength: number; maxLength: number; unique: boolean }
  | { kind: 'record'; fields: Record<string, Generator> }
  | { kind: 'oneOf'; options: Generator[] }
  /** A faker method by path (e.g. `person.firstName`), seeded from fast-check. */
  | { kind: 'faker'; method: string }
  | CsvGenerator;

/**
 * A CSV document of rows built from column generators, with chosen malformations
 * injected at random records. The generated value is a `GeneratedCsv`.
 */
export interface CsvGenerator {
  kind: 'csv';
  /** Header record as written; `columns` gives a generator per header name. */
  header: string[];
  columns: Record<string, Generator>;
  rows: { min: number; max: number };
  /** Probability per record of a malformation (0..1). */
  malformedRate: number;
  malformations: Malformation[];
  /** Probability per record that it repeats an earlier record's key columns. */
  duplicateRate: number;
  /** Columns copied from the earlier record to make a duplicate (default: all). */
  duplicateColumns?: string[];
  /** Surround a duplicate's `padColumns` with white space to test trimming. */
  padColumns?: string[];
  lineBreaks: Array<'lf' | 'crlf'>;
  /** `maybe` draws it per document. */
  bom: boolean | 'maybe';
  finalLineBreak: boolean | 'maybe';
  /** Probability that a field that needs no quoting is quoted anyway. */
  quoteRate: number;
}

/** A way of breaking one record. */
export type Malformation =
  /** Replace one column's value by one of `values`. */
  | { name: string; column: string; values: string[] }
  /** Record-level breakage. */
  | { name: string; record: 'extra-field' | 'missing-field' | 'blank-line' };

/** The value a `csv` generator produces (visible to templates). */
export interface GeneratedCsv {
  text: string;
  /** Data records in order; `number` is the record number (header = 1). */
  records: Array<{
    number: number;
    fields: string[];
    /** Field values by header name (for well-formed records). */
    values: Record<string, string>;
    malformed: boolean;
    malformation?: string;
    duplicateOf?: number;
  }>;
  /** Record numbers of malformed records, ascending. */
  malformed: number[];
  bom: boolean;
  lineBreak: 'lf' | 'crlf';
  finalLineBreak: boolean;
  bytes: number;
}

/* -------------------------------------------------------------- invariants */

export type Invariant = RollingWindowInvariant | EachInvariant;

/**
 * Jepsen-style check of a sliding-window limiter over the recorded history:
 * a request is allowed iff fewer than `limit` allowed requests with the same key
 * fall in the preceding `window`. Request times are intervals [sent, received];
 * a request whose verdict depends on where inside those intervals the server
 * decided (within `tolerance` ms of the window edge) is not judged.
 */
export interface RollingWindowInvariant {
  kind: 'rolling-window';
  /** JSONata over a history entry (`request`, `response`, `actor`) giving the key. */
  key: Template;
  limit: number | Template;
  window: number | Template;
  /** Entry counts as allowed (default `response.status = 200`). */
  allowed?: Template;
  /** Entry counts as rejected (default `response.status = 429`). Others are ignored. */
  rejected?: Template;
  tolerance: number;
  place: Place;
}

/** A boolean JSONata expression that must hold for each entry of the history (`$history` is the whole). */
export interface EachInvariant {
  kind: 'each';
  /** Which entries (JSONata boolean; default all request entries). */
  where?: Template;
  holds: Template;
  message?: string;
  place: Place;
}

/* ------------------------------------------------------------ front matter */

export interface SpecConfig {
  target: TargetConfig;
  services: Record<string, ServiceConfig>;
  identities: Record<string, Identity>;
  /** Constants available to every template as `vars.NAME`. */
  vars: Record<string, TemplateValue>;
  /** Default property runs. */
  runs: number;
  /** Default per-run timeout, ms. */
  timeout: number;
  /** Metrics path for `expect metric`. */
  metricsPath: string;
}

export type TargetConfig = CommandTarget | UrlTarget | ModuleTarget | CliTarget;

export interface CommandTarget {
  kind: 'command';
  /** Shell command run from the project root with PORT, HOST and service URLs in its env. */
  command: string;
  env: Record<string, string>;
  ready: { http: string } | { tcp: true };
  /** Give up waiting for readiness after this many ms (default 10 s). */
  readyTimeout: number;
  /** SIGTERM → SIGKILL grace, ms (default 3 s). */
  stopGrace: number;
}

export interface UrlTarget {
  kind: 'url';
  url: string;
}

export interface ModuleTarget {
  kind: 'module';
  /** Module path relative to the project root. */
  module: string;
  /** Export to use: a request handler/app, or a factory returning one (possibly async). Default `default`. */
  export: string;
  env: Record<string, string>;
}

export interface CliTarget {
  kind: 'cli';
  command: string;
  env: Record<string, string>;
}

export type ServiceKind = 'redis' | 'postgres' | 'http' | 'command';

export interface ServiceConfig {
  kind: ServiceKind;
  /** Env var handed to the target (default REDIS_URL / DATABASE_URL / `<NAME>_URL`). */
  env: string;
  /** An external, already running service: proxy faults yes, kill/restart no. */
  url?: string;
  /** kind `http`: the mock server's answers. */
  http?: HttpMock;
  /** kind `command`: any server binary. */
  server?: CommandServer;
}

/**
 * Any server the harness starts from a shell command (memcached, nats-server, mosquitto…),
 * behind the fault proxy, with kill, pause and restart like Redis and PostgreSQL.
 * Templates in `command` and `reset` see `port` (the server's own port), `host`
 * (127.0.0.1), `dir` (a data directory of its own) and `vars`.
 */
export interface CommandServer {
  command: Template;
  /** When the server is up: a TCP connect, an HTTP GET answering 2xx, or a line of its output containing the text. */
  ready: { tcp: true } | { http: string } | { log: string };
  readyTimeout: number;
  /** The URL handed to the target: a Template over `host` and `port` (the proxy's). Default `tcp://{{ host }}:{{ port }}`. */
  url: Template;
  /** Between runs: a shell command (same templates) that empties the server, or `restart` (killed and started again). Absent: kept as is. */
  reset?: Template | { restart: true };
}

/**
 * An HTTP upstream stood up by the harness (a mockttp server on a loopback port).
 * The first rule whose request matches answers; no match answers `otherwise`.
 * Answer templates see `vars` and `request` (`method`, `path`, `query`, `params`,
 * `headers` with lower-cased names, `body` parsed when JSON, `text`) and `call`
 * (0-based number of the calls this rule answered in the run).
 */
export interface HttpMock {
  rules: HttpRule[];
  /** Default: 404 `{"error":"no_rule","method":…,"path":…}`. */
  otherwise: HttpAnswer;
}

export interface HttpRule {
  /** Upper-case method; absent: any. */
  method?: string;
  /** `/charges`, `/charges/:id` (binds `request.params.id`), `/files/*`; absent: any. Query not included. */
  path?: string;
  /** Header matchers (names lower-cased). */
  headers?: Record<string, Matcher | Template>;
  /** JSON body: objects match as subsets. */
  body?: Matcher | TemplateValue;
  /** Answers in order: each serves its `times` calls (default 1), the last one every call after. */
  answers: HttpAnswer[];
  place: Place;
}

export interface HttpAnswer {
  status: number;
  /** Header values are Templates. */
  headers?: Record<string, Template>;
  /** A JSON body (content-type application/json) … */
  json?: TemplateValue;
  /** … or a text body. */
  text?: Template;
  /** In a sequence: how many calls this answer serves (default 1; the last answer repeats). */
  times?: number;
  /** Wait this long before answering, ms. */
  delay?: number;
}

export interface Identity {
  /** Headers sent for an actor of this identity; templates see the actor's params. */
  headers: Record<string, Template>;
  /** Default params; `{{ $unique }}` gives a fresh value per actor and run. */
  defaults: Record<string, Template>;
}
