import type { Severity } from './diagnostic.js';

/**
 * Every diagnostic code, in one place (as TypeScript's diagnosticMessages.json).
 * Codes are stable: a code is never reused for another meaning.
 *
 * - SG0xxx the spec file as a whole: reading it from disk, and the size limits of the format
 * - SG1xxx Markdown structure (title, sections, criteria items)
 * - SG2xxx front matter
 * - SG3xxx criterion YAML blocks, steps, generators
 * - SG4xxx templates and expressions
 * - SG5xxx cross references (ids, actors, services, marks)
 * - SG6xxx lint rules: each rule module in src/lint/rules declares its own code and
 *   message with its docs (as ESLint rules do); the registry test keeps codes unique
 * - SG7xxx phrases: prose criteria and the phrases they match
 * - SG9xxx specgate's own failures (a bug: please report it)
 *
 * Messages are templates: `{name}` is replaced by the argument of that name.
 */
export interface CatalogueEntry {
  severity: Severity;
  message: string;
}

export const CATALOGUE = {
  SG0001: { severity: 'error', message: 'the spec is {kind}, not a regular file: it is not read' },
  SG0002: { severity: 'error', message: 'the spec is a directory, not a file' },
  SG0003: { severity: 'error', message: 'the spec is a link to a file that does not exist' },
  SG0004: { severity: 'error', message: 'the spec is a link that never ends at a file (a link loop)' },
  SG0005: { severity: 'error', message: 'the spec cannot be read: permission denied' },
  SG0006: { severity: 'error', message: 'the spec cannot be read: {detail}' },
  SG0007: { severity: 'error', message: 'the spec is larger than {limit}: it is not read' },
  SG0008: { severity: 'error', message: 'the spec no longer exists' },

  SG1001: {
    severity: 'error',
    message: 'the spec has no title: add a "# Title" heading or a front matter `title`',
  },
  SG1002: { severity: 'warning', message: 'more than one "# " title: only the first is the spec title' },
  SG1003: { severity: 'error', message: 'missing section "{section}"' },
  SG1004: { severity: 'warning', message: 'missing section "{section}"' },
  SG1005: { severity: 'warning', message: 'unknown section "{heading}"' },
  SG1006: { severity: 'error', message: 'section "{section}" appears twice' },
  SG1007: { severity: 'error', message: 'list item in "{section}" has no criterion id' },
  SG1008: { severity: 'error', message: 'yaml block outside a criterion: it cannot be executed' },
  SG1009: { severity: 'error', message: 'criterion {id} has more than one yaml block' },
  SG1010: { severity: 'error', message: 'the spec has more than {limit} criteria' },
  SG1011: { severity: 'error', message: 'section "{section}" has more than {limit} list items' },
  SG1012: { severity: 'error', message: 'a yaml block has more than {limit} nodes' },

  SG2001: { severity: 'info', message: 'the spec has no front matter: its criteria cannot run (no target)' },
  SG2002: { severity: 'error', message: 'the front matter is not closed by a "---" line' },
  SG2003: { severity: 'error', message: 'invalid YAML in the front matter: {detail}' },
  SG2004: { severity: 'error', message: 'the front matter must be a mapping' },
  SG2005: { severity: 'error', message: 'missing key "{key}" in {context}' },
  SG2006: { severity: 'error', message: 'unknown key "{key}" in {context}' },
  SG2007: { severity: 'error', message: 'wrong type for {what}' },
  SG2008: { severity: 'error', message: 'invalid value for {what}' },
  SG2009: { severity: 'error', message: 'invalid spec name "{name}"' },
  SG2010: { severity: 'error', message: 'the target needs exactly one of command, url, module, cli' },
  SG2011: { severity: 'error', message: 'key "{key}" does not apply to a {kind} target' },
  SG2012: { severity: 'error', message: 'invalid duration for {what}' },
  SG2013: {
    severity: 'error',
    message: 'service "{name}" is either an http upstream or a command, not both',
  },

  SG3001: { severity: 'error', message: 'invalid YAML in the block of {id}: {detail}' },
  SG3002: { severity: 'error', message: 'the block of {id} must be a mapping' },
  SG3003: { severity: 'error', message: 'a step must be a mapping' },
  SG3004: { severity: 'error', message: 'unknown key "{key}" in {context}' },
  SG3005: { severity: 'error', message: 'wrong type for {what}' },
  SG3006: { severity: 'error', message: 'missing key "{key}" in {context}' },
  SG3007: { severity: 'error', message: 'invalid duration for {what}' },
  SG3008: { severity: 'error', message: 'unknown step kind' },
  SG3009: { severity: 'error', message: 'one step has two step kinds: {kinds}' },
  SG3010: { severity: 'error', message: 'unknown generator "{name}"' },
  SG3011: { severity: 'error', message: 'empty range in {what}: min {min} is greater than max {max}' },
  SG3012: { severity: 'error', message: 'attribute "{key}" does not apply to a {toxic} toxic' },
  SG3013: { severity: 'error', message: 'invalid value for {what}' },
  SG3014: { severity: 'error', message: 'a mapping mixes matcher keys ($…) and plain keys' },
  SG3015: { severity: 'error', message: 'keys "{a}" and "{b}" cannot be used together in {context}' },
  SG3016: { severity: 'error', message: 'a generator mapping must have exactly one generator key' },
  SG3017: { severity: 'error', message: 'an invariant must have exactly one kind: rolling window or each' },
  SG3018: {
    severity: 'error',
    message: 'file "{path}" is outside the scratch directory of the run',
  },
  SG3019: { severity: 'error', message: 'unknown block {name}' },
  SG3020: { severity: 'error', message: 'the use of block "{name}" does not fit its parameters' },
  SG3021: { severity: 'error', message: 'block "{name}" uses itself' },
  SG3022: { severity: 'error', message: 'invalid block definition "{name}"' },

  SG3030: {
    severity: 'error',
    message: 'criterion {id} is under "{heading}", which holds no criteria: it would never run',
  },

  SG3050: { severity: 'error', message: 'the Redis error reply "{found}" is not an error line' },
  SG3051: { severity: 'error', message: 'a Redis fault never answers {command}' },
  SG3052: { severity: 'error', message: '"{found}" is not a table name a postgres fault can use' },
  SG3053: { severity: 'error', message: 'unknown lock mode "{found}"' },
  SG3060: { severity: 'error', message: 'an "always" value is not one the {generator} generator yields' },

  SG4001: { severity: 'error', message: 'invalid expression in template: {detail}' },
  SG4002: { severity: 'error', message: 'unterminated "{{" in template' },
  SG4003: { severity: 'error', message: 'invalid regular expression: {detail}' },
  SG4004: { severity: 'error', message: 'invalid $expr expression: {detail}' },

  SG5001: { severity: 'error', message: 'duplicate criterion id {id}' },
  SG5002: { severity: 'error', message: '"as: {name}" names no actor or identity' },
  SG5003: { severity: 'error', message: 'unknown service "{name}"' },
  SG5004: { severity: 'error', message: 'service "{name}" is a {kind} service, not {expected}' },
  SG5005: { severity: 'error', message: 'which {what}? name it with "service:"' },
  SG5006: { severity: 'error', message: '"since: {name}" names no mark of this criterion' },
  SG5007: { severity: 'error', message: 'actor "{actor}" uses unknown identity "{name}"' },
  SG5008: { severity: 'error', message: 'service "{name}" is external: it cannot be {action}' },
  SG5009: { severity: 'error', message: 'a {step} step needs {needs}, but the target is {kind}' },
  SG5010: {
    severity: 'error',
    message: 'instance {instance} does not exist: the criterion runs {instances} instance(s)',
  },

  SG7001: { severity: 'error', message: 'phrase "{phrase}" is not a valid phrase: {detail}' },
  SG7002: {
    severity: 'error',
    message: 'the clause "{clause}" of {id} matches more than one phrase: {phrases}',
  },
  SG7003: {
    severity: 'error',
    message: 'time mapping "{written}" is not a duration mapped to a shorter positive one',
  },

  SG9001: { severity: 'error', message: 'internal error in specgate while parsing: {detail}' },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

/** Fills a catalogue message template; unknown placeholders are kept visible rather than dropped. */
export function renderMessage(
  code: DiagnosticCode,
  args: Readonly<Record<string, string | number>> = {},
): string {
  return CATALOGUE[code].message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in args ? String(args[name]) : whole,
  );
}
