import type { Code, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { SECTION_TITLES, type SectionKind } from '../ir.js';
import { formatCount, MAX_CRITERIA_PER_SPEC, MAX_ITEMS_PER_SECTION } from './limits.js';
import { didYouMean, type Reporter } from './reporter.js';

/** A criterion as written in Markdown, before its YAML block is read. */
export interface RawCriterion {
  id: string;
  name?: string;
  prose: string;
  section: SectionKind;
  range: [number, number];
  idRange: [number, number];
  /** Set when the id was given by section and position (`AC-2`) because the item has none. */
  implicitId?: boolean;
  /** The item's first paragraph as Markdown-ish text: inline code keeps its backticks (phrases read them). */
  phraseText: string;
  yaml?: { value: string; firstLine: number; range: [number, number] };
}

export interface RawItem {
  text: string;
  range: [number, number];
}

export interface RawSection {
  kind: SectionKind;
  heading: string;
  text: string;
  items: RawItem[];
  criteria: RawCriterion[];
  range: [number, number];
}

/** A section under a heading that is none of the known ones (`Tiers`, `Notes`): context for lint and phrases. */
export interface RawContextSection {
  heading: string;
  text: string;
  items: RawItem[];
  range: [number, number];
}

export interface RawDocument {
  title?: { text: string; range: [number, number] };
  sections: RawSection[];
  context: RawContextSection[];
  /** Set when a size limit was passed (SG1010, SG1011): what is past it was not read. */
  overLimit?: boolean;
}

/** Heading text (lower case, letters only) → section; variants writers use are tolerated. */
const SECTION_ALIASES: Readonly<Record<string, SectionKind>> = {
  goal: 'goal',
  goals: 'goal',
  inputsoutputs: 'io',
  inputsandoutputs: 'io',
  io: 'io',
  inputoutput: 'io',
  inputsoutput: 'io',
  inputoutputs: 'io',
  interface: 'io',
  constraints: 'constraints',
  failuremodes: 'failure-modes',
  failuremode: 'failure-modes',
  outofscope: 'out-of-scope',
  nongoals: 'out-of-scope',
  acceptance: 'acceptance',
  acceptancecriteria: 'acceptance',
  acceptancecriterion: 'acceptance',
};

/** Prefix of the ids given to id-less items, by section. */
const IMPLICIT_ID_PREFIX: Readonly<Partial<Record<SectionKind, string>>> = {
  acceptance: 'AC',
  'failure-modes': 'FM',
  constraints: 'C',
};

/** Sections whose list items must all be criteria. */
const CRITERIA_ONLY: ReadonlySet<SectionKind> = new Set(['acceptance', 'failure-modes']);
/** Sections whose criteria may carry yaml blocks. */
const CRITERIA_SECTIONS: ReadonlySet<SectionKind> = new Set(['constraints', 'failure-modes', 'acceptance']);

const ID = /^([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?:\s+(\S.*))?$/s;

export function sectionKindOf(heading: string): SectionKind | undefined {
  return SECTION_ALIASES[heading.toLowerCase().replace(/[^a-z]/g, '')];
}

/** Reads the Markdown structure: title, sections, prose items and criteria with their yaml blocks. */
export function readMarkdown(body: string, reporter: Reporter): RawDocument {
  const root: Root = fromMarkdown(body);
  const document: RawDocument = { sections: [], context: [] };
  const seen = new Map<SectionKind, RawSection>();
  // Everything between two H2 headings; unknown or repeated sections get a group too, so they end the one before.
  const groups: Array<{
    start: number;
    section?: RawSection;
    context?: RawContextSection;
    nodes: RootContent[];
  }> = [];
  let current: (typeof groups)[number] | undefined;
  // What is written under the title before the first `##` heading (the essay's "Strong" spec is only that).
  const lead: RootContent[] = [];

  for (const node of root.children) {
    if (node.type === 'heading' && node.depth === 1) {
      if (document.title) reporter.report('SG1002', rangeOf(node));
      else document.title = { text: plainText(node).trim(), range: rangeOf(node) };
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      current = { start: rangeOf(node)[0], nodes: [] };
      groups.push(current);
      const heading = plainText(node).trim();
      const kind = sectionKindOf(heading);
      if (!kind) {
        // A heading close to a known one is a typo; any other (`Tiers`, `Notes`) is context.
        const hint = didYouMean(heading, Object.values(SECTION_TITLES));
        if (hint)
          reporter.report(
            'SG1005',
            rangeOf(node),
            { heading },
            { expected: `one of: ${Object.values(SECTION_TITLES).join(', ')}`, found: heading, hint },
          );
        current.context = { heading, text: '', items: [], range: rangeOf(node) };
        document.context.push(current.context);
        continue;
      }
      if (seen.has(kind)) {
        reporter.report('SG1006', rangeOf(node), { section: SECTION_TITLES[kind] });
        continue;
      }
      const section: RawSection = { kind, heading, text: '', items: [], criteria: [], range: rangeOf(node) };
      seen.set(kind, section);
      current.section = section;
      document.sections.push(section);
      continue;
    }
    (current?.nodes ?? lead).push(node);
  }

  groups.forEach((group, i) => {
    const { section, context } = group;
    const end = groups[i + 1]?.start ?? body.length;
    if (context) {
      readContextSection(
        context,
        withinItemLimit(group.nodes, context.heading, document, reporter),
        body,
        end,
        reporter,
      );
      return;
    }
    if (!section) return;
    section.text = body.slice(section.range[1], end).trim();
    section.range = [section.range[0], section.range[0] + body.slice(section.range[0], end).trimEnd().length];
    readSectionContent(section, withinItemLimit(group.nodes, section.heading, document, reporter), reporter);
  });
  readLead(document, lead, seen, body, reporter);
  checkCriteriaLimit(document, reporter);
  return document;
}

/**
 * The nodes of a section up to its MAX_ITEMS_PER_SECTION-th list item (at any depth): the item
 * past the limit is SG1011 and it and what follows are not read.
 */
function withinItemLimit(
  nodes: RootContent[],
  heading: string,
  document: RawDocument,
  reporter: Reporter,
): RootContent[] {
  let count = 0;
  let past: ListItem | undefined;
  const visit = (node: Nodes): void => {
    if (past) return;
    if (node.type === 'listItem' && ++count > MAX_ITEMS_PER_SECTION) past = node;
    else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  const kept: RootContent[] = [];
  for (const node of nodes) {
    visit(node);
    if (past) break;
    kept.push(node);
  }
  if (!past) return nodes;
  document.overLimit = true;
  const limit = formatCount(MAX_ITEMS_PER_SECTION);
  reporter.report(
    'SG1011',
    [rangeOf(past)[0], rangeOf(past)[0] + 1],
    { section: heading, limit },
    {
      expected: `at most ${limit} list items in one section, nested ones included`,
      found: `item ${formatCount(count)}`,
      hint: 'split the spec into several specs, one feature each',
    },
  );
  return kept;
}

/** Criteria past MAX_CRITERIA_PER_SPEC: the first is SG1010 and none of them is read. */
function checkCriteriaLimit(document: RawDocument, reporter: Reporter): void {
  let count = 0;
  for (const section of document.sections) {
    const room = MAX_CRITERIA_PER_SPEC - count;
    count += section.criteria.length;
    if (section.criteria.length <= room) continue;
    const past = section.criteria[room]!;
    const limit = formatCount(MAX_CRITERIA_PER_SPEC);
    document.overLimit = true;
    reporter.report(
      'SG1010',
      past.idRange,
      { limit },
      {
        expected: `at most ${limit} criteria in a spec`,
        found: `criterion ${formatCount(MAX_CRITERIA_PER_SPEC + 1)} (${past.id})`,
        hint: 'split the spec into several specs, one feature each',
      },
    );
    section.criteria = section.criteria.slice(0, room);
    for (const later of document.sections.slice(document.sections.indexOf(section) + 1)) later.criteria = [];
    return;
  }
}

/**
 * The lead, written under the title before any section: its paragraphs are the Goal and its
 * lists the Constraints when the spec writes no such section, as in "Parse an uploaded CSV of
 * transactions." followed by the decisions as bullets. What a written section already covers
 * is a context section named after the title, so it is never silently dropped.
 */
function readLead(
  document: RawDocument,
  lead: RootContent[],
  seen: ReadonlyMap<SectionKind, RawSection>,
  body: string,
  reporter: Reporter,
): void {
  const prose = lead.filter((node) => node.type !== 'list' && node.type !== 'html');
  const lists = lead.filter((node) => node.type === 'list');
  const span = (nodes: RootContent[]): [number, number] => [
    rangeOf(nodes[0]!)[0],
    rangeOf(nodes[nodes.length - 1]!)[1],
  ];
  const claimed: RawSection[] = [];
  const rest: RootContent[] = [];
  if (prose.length > 0 && !seen.has('goal')) {
    const range = span(prose);
    claimed.push({
      kind: 'goal',
      heading: SECTION_TITLES.goal,
      text: body.slice(...range),
      items: [],
      criteria: [],
      range,
    });
  } else rest.push(...prose);
  if (lists.length > 0 && !seen.has('constraints')) {
    const range = span(lists);
    const section: RawSection = {
      kind: 'constraints',
      heading: SECTION_TITLES.constraints,
      text: body.slice(...range),
      items: [],
      criteria: [],
      range,
    };
    readSectionContent(section, withinItemLimit(lists, section.heading, document, reporter), reporter);
    claimed.push(section);
  } else rest.push(...lists);
  document.sections.unshift(...claimed);
  if (rest.length === 0) return;
  const [start, end] = span(rest);
  const heading = document.title?.text ?? '';
  const context: RawContextSection = { heading, text: '', items: [], range: [start, start] };
  readContextSection(context, withinItemLimit(rest, heading, document, reporter), body, end, reporter);
  document.context.unshift(context);
}

function readSectionContent(section: RawSection, nodes: RootContent[], reporter: Reporter): void {
  const claimed = new Set<Code>();
  const items = nodes.flatMap((node) => (node.type === 'list' ? (node as List).children : []));
  // A section written without any id (as the essay writes it) gets ids by position; one that
  // has ids must give every criterion one, since a position would clash with a written id.
  const prefix = IMPLICIT_ID_PREFIX[section.kind];
  const implicit =
    prefix !== undefined && items.length > 0 && items.every((item) => idLabel(item) === undefined);
  items.forEach((item, position) => {
    if (implicit) {
      section.criteria.push(
        implicitCriterion(item, `${prefix}-${position + 1}`, section.kind, reporter, claimed),
      );
      return;
    }
    const criterion = readCriterion(item, section.kind, reporter, claimed);
    if (criterion) {
      section.criteria.push(criterion);
      return;
    }
    if (CRITERIA_ONLY.has(section.kind)) {
      // Its yaml block is part of the same mistake: one diagnostic is enough.
      yamlBlocks(item).forEach((code) => claimed.add(code));
      const firstLine = plainText(item).trim().split('\n')[0] ?? '';
      reporter.report(
        'SG1007',
        rangeOf(item),
        { section: SECTION_TITLES[section.kind] },
        {
          expected: 'an item starting with a bold id and a colon, e.g. **AC-1 short-name**: prose',
          found: firstLine,
        },
      );
      return;
    }
    section.items.push({ text: normaliseSpace(plainText(item)), range: rangeOf(item) });
  });
  if (!CRITERIA_SECTIONS.has(section.kind)) return;
  for (const node of nodes) {
    for (const code of yamlBlocks(node)) {
      if (!claimed.has(code))
        reporter.report(
          'SG1008',
          rangeOf(code),
          {},
          { hint: 'put it inside a list item that starts with **ID**:' },
        );
    }
  }
}

/** The `**ID name**:` label an item starts with: its id, name and place; undefined when it has none. */
function idLabel(item: ListItem): { id: string; name?: string; range: [number, number] } | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const strong = first.children[0];
  if (strong?.type !== 'strong') return undefined;
  let label = plainText(strong).trim();
  const colonInside = label.endsWith(':');
  if (colonInside) label = label.slice(0, -1).trim();
  const after = first.children[1];
  const colonAfter = after?.type === 'text' && /^\s*:/.test(after.value);
  if (!colonInside && !colonAfter) return undefined;
  const match = ID.exec(label);
  if (!match) return undefined;
  return {
    id: match[1]!,
    ...(match[2] !== undefined ? { name: match[2].trim() } : {}),
    range: rangeOf(strong),
  };
}

function readCriterion(
  item: ListItem,
  section: SectionKind,
  reporter: Reporter,
  claimed: Set<Code>,
): RawCriterion | undefined {
  const first = item.children[0];
  const label = idLabel(item);
  if (!label || first?.type !== 'paragraph') return undefined;
  const criterion: RawCriterion = {
    id: label.id,
    prose: criterionProse(item, first),
    phraseText: phraseText(first, true),
    section,
    range: rangeOf(item),
    idRange: label.range,
  };
  if (label.name !== undefined) criterion.name = label.name;
  attachYaml(criterion, item, reporter, claimed);
  return criterion;
}

/** A criterion for an item written without an id: the id comes from its section and position. */
function implicitCriterion(
  item: ListItem,
  id: string,
  section: SectionKind,
  reporter: Reporter,
  claimed: Set<Code>,
): RawCriterion {
  const first = item.children[0];
  const criterion: RawCriterion = {
    id,
    prose: normaliseSpace(
      item.children
        .map(plainText)
        .filter((p) => p.trim() !== '')
        .join('\n'),
    ),
    phraseText: first?.type === 'paragraph' ? phraseText(first, false) : '',
    section,
    range: rangeOf(item),
    idRange: first ? rangeOf(first) : rangeOf(item),
    implicitId: true,
  };
  attachYaml(criterion, item, reporter, claimed);
  return criterion;
}

function attachYaml(criterion: RawCriterion, item: ListItem, reporter: Reporter, claimed: Set<Code>): void {
  const blocks = yamlBlocks(item);
  blocks.forEach((code) => claimed.add(code));
  const [block, ...extra] = blocks;
  if (block) {
    criterion.yaml = {
      value: block.value,
      firstLine: (block.position?.start.line ?? 0) + 1,
      range: rangeOf(block),
    };
  }
  for (const code of extra) reporter.report('SG1009', rangeOf(code), { id: criterion.id });
}

/** A paragraph's text for phrase matching: inline code keeps its backticks; a leading id label is dropped. */
function phraseText(paragraph: Paragraph, hasLabel: boolean): string {
  const children = hasLabel ? paragraph.children.slice(1) : paragraph.children;
  const text = children
    .map((node) => (node.type === 'inlineCode' ? `\`${node.value}\`` : plainText(node)))
    .join('');
  return normaliseSpace(hasLabel ? text.replace(/^\s*:\s*/, '') : text);
}

function readContextSection(
  context: RawContextSection,
  nodes: RootContent[],
  body: string,
  end: number,
  reporter: Reporter,
): void {
  context.text = body.slice(context.range[1], end).trim();
  context.range = [context.range[0], context.range[0] + body.slice(context.range[0], end).trimEnd().length];
  for (const node of nodes) {
    if (node.type === 'list')
      for (const item of (node as List).children) {
        context.items.push({ text: normaliseSpace(plainText(item)), range: rangeOf(item) });
        checkStrayCriterion(item, context.heading, reporter);
      }
    // A check under a context heading would silently never run: say where it is.
    for (const code of yamlBlocks(node))
      reporter.report(
        'SG1008',
        rangeOf(code),
        {},
        {
          hint: `"${context.heading}" is a context section; move the criterion to Acceptance, Failure Modes or Constraints`,
        },
      );
  }
}

/** Ids the criteria sections give (`AC-1`, `FM-2`, `C-3`): such an item under a context heading is a lost criterion. */
const CRITERION_ID = /^(AC|FM|C)-[A-Za-z0-9]/i;

/** A criterion under a context heading would silently never run (one with a yaml block is SG1008). */
function checkStrayCriterion(item: ListItem, heading: string, reporter: Reporter): void {
  const label = idLabel(item);
  if (!label || !CRITERION_ID.test(label.id) || yamlBlocks(item).length > 0) return;
  const hint = didYouMean(heading, Object.values(SECTION_TITLES));
  reporter.report(
    'SG3030',
    label.range,
    { id: label.id, heading },
    {
      expected: `a criterion under one of: ${[...CRITERIA_SECTIONS].map((kind) => SECTION_TITLES[kind]).join(', ')}`,
      found: `## ${heading}`,
      ...(hint ? { hint } : {}),
    },
  );
}

function criterionProse(item: ListItem, first: Paragraph): string {
  const [, ...rest] = first.children;
  const lead: PhrasingContent[] = rest.map((node, i) =>
    i === 0 && node.type === 'text' ? { ...node, value: node.value.replace(/^\s*:\s*/, '') } : node,
  );
  const parts = [plainText({ type: 'paragraph', children: lead }), ...item.children.slice(1).map(plainText)];
  return normaliseSpace(parts.filter((p) => p.trim() !== '').join('\n'));
}

function yamlBlocks(node: Nodes): Code[] {
  if (node.type === 'code') return /^ya?ml$/i.test(node.lang ?? '') ? [node] : [];
  if (!('children' in node)) return [];
  return (node.children as Nodes[]).flatMap(yamlBlocks);
}

const INLINE_CONTAINERS = new Set([
  'paragraph',
  'heading',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'tableCell',
]);

/** Text of a node with Markdown formatting removed; code blocks are left out (they are the checks). */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'code':
    case 'html':
      return '';
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    default:
      if (!('children' in node)) return '';
      return (node.children as Nodes[])
        .map(plainText)
        .filter((text) => INLINE_CONTAINERS.has(node.type) || text !== '')
        .join(INLINE_CONTAINERS.has(node.type) ? '' : '\n');
  }
}

function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function rangeOf(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}
