import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SECTION_TITLES } from '../ir.js';
import type { SectionKind, Spec } from '../ir.js';
import { parseSpec } from '../parse/index.js';

/** The parse error that a draft (a Goal and nothing else yet) is allowed to have. */
const MISSING_SECTION = 'SG1003';

/**
 * Parses a spec for linting. A draft that only lacks required sections (the one-paragraph
 * spec a feature starts as) has no `Spec` from the parser, yet it is exactly when a
 * reviewer's questions help most: it is parsed again with those sections appended empty,
 * and the appended sections are dropped again, so the rules see the draft as written.
 * The parser's diagnostics are returned unchanged: the draft is still an error to compile.
 */
export function parseForLint(source: string, file: string): { spec?: Spec; diagnostics: Diagnostic[] } {
  const parsed = parseSpec(source, file);
  if (parsed.spec) return parsed;
  const errors = parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length === 0 || errors.some((diagnostic) => diagnostic.code !== MISSING_SECTION)) return parsed;

  const missing = Object.entries(SECTION_TITLES).filter(([, title]) =>
    errors.some((diagnostic) => diagnostic.message.includes(`"${title}"`)),
  ) as Array<[SectionKind, string]>;
  const completed = `${source.replace(/\s*$/, '')}\n\n${missing.map(([, title]) => `## ${title}\n`).join('\n')}`;
  const { spec } = parseSpec(completed, file);
  if (!spec) return parsed;
  const sections = spec.sections.filter((section) => section.place.start.offset < source.length);
  return {
    spec: {
      ...spec,
      sha256: createHash('sha256').update(source, 'utf8').digest('hex'),
      sections,
      place: { ...spec.place, end: endOf(source) },
    },
    diagnostics: parsed.diagnostics,
  };
}

function endOf(source: string): Spec['place']['end'] {
  const lines = source.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, offset: source.length };
}
