import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  SECTION_TITLES,
  SPEC_NAME_MAX_LENGTH,
  type ContextSection,
  type Criterion,
  type Section,
  type SectionKind,
  type Spec,
} from '../ir.js';
import { BlockBook, readBlockDefinitions } from './blocks.js';
import { readCheck } from './check.js';
import { readFrontMatter, type FrontMatter } from './config.js';
import { splitFrontMatter } from './front-matter.js';
import { readMarkdown, type RawCriterion, type RawDocument } from './markdown.js';
import { describeValue, Reporter } from './reporter.js';
import { BlockOffsetMap, LineIndex } from './text-index.js';
import { reportYamlErrors } from './yaml-errors.js';
import { parseYaml, type YamlValue } from './yaml-tree.js';
import { parameterRegistry, phraseContext, timeMapping, type PhraseDefinition } from '../phrases/index.js';
import { compileCriterionProse, proseCompiler, readPhraseDefinitions } from './spec-phrases.js';

export { splitTemplate, type SplitTemplate, type TemplatePart } from './templates.js';

/** Sections a spec cannot do without (errors); the others are expected (warnings). */
const REQUIRED_SECTIONS: readonly SectionKind[] = ['goal', 'acceptance'];
const EXPECTED_SECTIONS: readonly SectionKind[] = ['io', 'constraints', 'failure-modes', 'out-of-scope'];

/**
 * Parses a Markdown spec into the IR. Pure: no I/O, never throws on bad input, and reports
 * every problem it can find at once. `spec` is present only when there is no error.
 */
export interface ParseOptions {
  /** The phrases.yaml beside the spec, when there is one: phrases (and blocks) shared by the specs there. */
  library?: { file: string; source: string };
}

export function parseSpec(
  source: string,
  file: string,
  options: ParseOptions = {},
): { spec?: Spec; diagnostics: Diagnostic[] } {
  const reporter = new Reporter(file, new LineIndex(source));
  const libraryReporter = options.library
    ? new Reporter(options.library.file, new LineIndex(options.library.source))
    : undefined;
  let spec: Spec | undefined;
  try {
    spec = parseInto(
      source,
      reporter,
      options.library && libraryReporter ? { ...options.library, reporter: libraryReporter } : undefined,
    );
  } catch (error) {
    // A bug in specgate must not look like a crash of the user's spec: report it as a diagnostic.
    reporter.report('SG9001', [0, 0], { detail: (error as Error).message ?? String(error) });
  }
  const diagnostics = sortDiagnostics([...reporter.diagnostics, ...(libraryReporter?.diagnostics ?? [])]);
  const failed = reporter.hasErrors() || libraryReporter?.hasErrors() === true;
  return failed || !spec ? { diagnostics } : { spec, diagnostics };
}

interface Library {
  file: string;
  source: string;
  reporter: Reporter;
}

function parseInto(source: string, reporter: Reporter, library?: Library): Spec | undefined {
  const split = splitFrontMatter(source);
  const document = readMarkdown(split.body, reporter);
  // Past a size limit nothing more is read: the one located error comes at once.
  if (document.overLimit) return undefined;

  let frontMatter: FrontMatter | undefined;
  let frontMatterRoot: YamlValue | undefined;
  if (split.unterminated) {
    reporter.report(
      'SG2002',
      split.unterminated,
      {},
      { hint: 'end the front matter with a line holding only ---' },
    );
  } else if (!split.frontMatter) {
    // A spec as people write it: fully linted, its criteria reported not executable (no target).
    reporter.report(
      'SG2001',
      [0, 0],
      {},
      { hint: 'add a front matter (spec, target) to run it; `specgate init --from` drafts one' },
    );
  } else {
    const { text, start } = split.frontMatter;
    const { root, errors } = parseYaml(text, { toSource: (offset) => start + offset });
    reportYamlErrors(errors, reporter, 'SG2003', {});
    if (root && !root.isMap())
      reporter.report('SG2004', split.frontMatter.range, {}, { found: describeValue(root.value) });
    else if (root) {
      frontMatter = readFrontMatter(root, reporter);
      frontMatterRoot = root;
    }
  }

  checkDocumentShape(document, frontMatter, reporter);
  const libraryRoot = library ? readLibrary(library) : undefined;
  const blocks = blockBook(frontMatterRoot, reporter, libraryRoot, library);
  const sections = document.sections.map((raw): Section => ({
    kind: raw.kind,
    heading: raw.heading,
    text: raw.text,
    items: raw.items.map((item) => ({ text: item.text, place: reporter.place(...item.range) })),
    criteria: raw.criteria.map((criterion) => readCriterion(criterion, frontMatter, reporter, blocks)),
    place: reporter.place(...raw.range),
  }));
  checkDuplicateIds(document, reporter);
  const contextSections: ContextSection[] = document.context.map((raw) => ({
    heading: raw.heading,
    text: raw.text,
    items: raw.items.map((item) => ({ text: item.text, place: reporter.place(...item.range) })),
    place: reporter.place(...raw.range),
  }));
  let phrases: readonly PhraseDefinition[] = [];
  if (frontMatter && frontMatterRoot) {
    const proseOnly = document.sections.flatMap((raw, index) =>
      raw.criteria.map((criterion, at) => ({ raw: criterion, criterion: sections[index]!.criteria[at]! })),
    );
    phrases = compileProseCriteria(
      proseOnly,
      frontMatter,
      frontMatterRoot,
      sections,
      contextSections,
      reporter,
      {
        blocks,
        ...(library && libraryRoot
          ? { library: { root: libraryRoot, file: library.file, reporter: library.reporter } }
          : {}),
      },
    );
  }

  const name = frontMatter ? frontMatter.name : specNameOf(reporter.file);
  if (!name) return undefined;
  if (!frontMatter && name.length > SPEC_NAME_MAX_LENGTH) {
    // The name comes from the file name; compile could not write generated/<name>.test.ts.
    reporter.report(
      'SG2009',
      [0, 0],
      { name: `${name.slice(0, 20)}…` },
      {
        expected: `a spec name of at most ${SPEC_NAME_MAX_LENGTH} characters`,
        found: `${name.length} characters, from the file name`,
        hint: 'rename the file, or add a front matter with a shorter `spec:`',
      },
    );
    return undefined;
  }
  if (!frontMatter) for (const section of sections) section.criteria.forEach(markNoTarget);
  const spec: Spec = {
    name,
    title: frontMatter?.title ?? document.title?.text ?? '',
    file: reporter.file,
    sha256: createHash('sha256').update(source, 'utf8').digest('hex'),
    config: frontMatter?.config ?? DEFAULT_CONFIG,
    sections,
    place: reporter.place(0, source.length),
  };
  if (contextSections.length > 0) spec.context = contextSections;
  const digest = definitionsDigest(sections, phrases, blocks);
  if (digest !== undefined) spec.definitionsSha256 = digest;
  return spec;
}

/** The phrases.yaml beside the spec, as yaml; its syntax errors are its own file's. */
function readLibrary(library: Library): YamlValue | undefined {
  const { root, errors } = parseYaml(library.source, { toSource: (offset) => offset });
  reportYamlErrors(errors, library.reporter, 'SG2003', {});
  return root?.isMap() ? root : undefined;
}

/** Blocks of the shared file and of the front matter; the spec's own win over shared ones of the same name. */
function blockBook(
  frontMatterRoot: YamlValue | undefined,
  reporter: Reporter,
  libraryRoot: YamlValue | undefined,
  library: Library | undefined,
): BlockBook {
  const shared = library
    ? readBlockDefinitions(libraryRoot?.get('blocks'), library.file, library.reporter)
    : [];
  const own = readBlockDefinitions(frontMatterRoot?.get('blocks'), reporter.file, reporter);
  return new BlockBook(new Map([...shared, ...own].map((definition) => [definition.name, definition])));
}

/**
 * sha256 of what the spec's criteria expand through outside their own text: the phrases their
 * prose matched and the blocks they used, so the drift check sees a phrase that changed meaning.
 */
function definitionsDigest(
  sections: readonly Section[],
  phrases: readonly PhraseDefinition[],
  blocks: BlockBook,
): string | undefined {
  const matched = new Set(
    sections.flatMap((section) =>
      section.criteria.flatMap((criterion) =>
        (criterion.phrases ?? []).map((use) => `${use.book}\u0000${use.phrase}`),
      ),
    ),
  );
  const usedPhrases = phrases
    .filter((definition) => matched.has(`${definition.book}\u0000${definition.phrase}`))
    .map(({ book, phrase, role, expands }) => ({ book, phrase, role, expands }));
  const usedBlocks = [...blocks.used].sort().map((name) => {
    const { params, steps } = blocks.definitions.get(name)!;
    return { name, params, steps };
  });
  if (usedPhrases.length === 0 && usedBlocks.length === 0) return undefined;
  usedPhrases.sort((a, b) => (a.book + a.phrase < b.book + b.phrase ? -1 : 1));
  return createHash('sha256')
    .update(JSON.stringify({ phrases: usedPhrases, blocks: usedBlocks }), 'utf8')
    .digest('hex');
}

/** Criteria written in prose only (no yaml block) compile through phrases: built-in, the spec's own, the library's. */
function compileProseCriteria(
  criteria: ReadonlyArray<{ raw: RawCriterion; criterion: Criterion }>,
  frontMatter: FrontMatter,
  root: YamlValue,
  sections: readonly Section[],
  contextSections: readonly ContextSection[],
  reporter: Reporter,
  shared: { blocks: BlockBook; library?: { root: YamlValue; file: string; reporter: Reporter } },
): readonly PhraseDefinition[] {
  const pending = criteria.filter(({ raw }) => !raw.yaml);
  const timeValue = root.get('time');
  const time = timeMapping(timeValue?.isMap() ? (timeValue.value as Record<string, unknown>) : {});
  for (const written of time.bad) reporter.report('SG7003', timeValue!.get(written)!.keyRange(), { written });
  if (pending.length === 0) return [];
  const context = phraseContext({
    config: frontMatter.config,
    ...(root.get('route')?.string() !== undefined ? { route: root.get('route')!.string()! } : {}),
    time: time.map,
    sections,
    context: contextSections,
  });
  const registry = parameterRegistry(context);
  const definitions = readPhraseDefinitions(root.get('phrases'), 'spec', registry, reporter);
  const { library } = shared;
  if (library)
    definitions.push(
      ...readPhraseDefinitions(library.root.get('phrases'), library.file, registry, library.reporter),
    );
  const compiler = proseCompiler(definitions, registry, context, frontMatter.known, shared.blocks);
  for (const { raw, criterion } of pending)
    compileCriterionProse(criterion, raw.phraseText, compiler, reporter);
  return compiler.matcher.definitions;
}

/** The config of a spec without front matter: nothing to start, so nothing runs. */
const DEFAULT_CONFIG: Spec['config'] = {
  target: { kind: 'url', url: '' },
  services: {},
  identities: {},
  vars: {},
  runs: 25,
  timeout: 30_000,
  metricsPath: '/metrics',
};

function markNoTarget(criterion: Criterion): void {
  delete criterion.check;
  criterion.notExecutable = 'no target: the spec has no front matter saying what to run';
}

/** A spec name from a file name (`specs/Rate Limit.md` → `rate-limit`), for specs without front matter. */
function specNameOf(file: string): string | undefined {
  const base = (file.split('/').pop() ?? '').replace(/\.md$/i, '');
  const name = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name === '' ? undefined : name;
}

function readCriterion(
  raw: RawCriterion,
  frontMatter: FrontMatter | undefined,
  reporter: Reporter,
  blocks: BlockBook,
): Criterion {
  const criterion: Criterion = {
    id: raw.id,
    prose: raw.prose,
    section: raw.section,
    place: reporter.place(...raw.range),
  };
  if (raw.name !== undefined) criterion.name = raw.name;
  if (raw.implicitId) criterion.implicitId = true;
  if (!raw.yaml) return criterion;
  const offsets = new BlockOffsetMap(raw.yaml.value, reporter.lines, raw.yaml.firstLine);
  const { root, errors } = parseYaml(raw.yaml.value, offsets);
  reportYamlErrors(errors, reporter, 'SG3001', { id: raw.id });
  if (root) {
    const place = reporter.place(...raw.yaml.range);
    const check = readCheck(root, raw.id, place, frontMatter?.known, reporter, blocks);
    if (check) criterion.check = check;
  }
  return criterion;
}

function checkDocumentShape(
  document: RawDocument,
  frontMatter: FrontMatter | undefined,
  reporter: Reporter,
): void {
  if (!document.title && frontMatter?.title === undefined) {
    reporter.report('SG1001', [0, 0], {}, { expected: 'a "# Title" line after the front matter' });
  }
  // Missing sections are reported where the title is, the natural place to read the outline from.
  const at = document.title?.range ?? [0, 0];
  const present = new Set(document.sections.map((s) => s.kind));
  for (const kind of REQUIRED_SECTIONS) {
    if (!present.has(kind))
      reporter.report(
        'SG1003',
        at,
        { section: SECTION_TITLES[kind] },
        { hint: `add "## ${SECTION_TITLES[kind]}"` },
      );
  }
  for (const kind of EXPECTED_SECTIONS) {
    if (!present.has(kind))
      reporter.report(
        'SG1004',
        at,
        { section: SECTION_TITLES[kind] },
        { hint: `add "## ${SECTION_TITLES[kind]}"` },
      );
  }
}

function checkDuplicateIds(document: RawDocument, reporter: Reporter): void {
  // Case-blind: report anchors and file names on case-insensitive file systems cannot tell AC-1 from ac-1.
  const first = new Map<string, RawCriterion>();
  for (const criterion of document.sections.flatMap((s) => s.criteria)) {
    const key = criterion.id.toLowerCase();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, criterion);
      continue;
    }
    const line = reporter.lines.point(earlier.idRange[0]).line;
    const spelled = earlier.id === criterion.id ? '' : ` as ${earlier.id}`;
    reporter.report(
      'SG5001',
      criterion.idRange,
      { id: criterion.id },
      { hint: `first used on line ${line}${spelled}; ids must be unique in a spec, whatever their case` },
    );
  }
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.place.start.offset - b.place.start.offset ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}
