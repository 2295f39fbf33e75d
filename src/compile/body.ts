/**
 * The body of a generated suite: imports, the suite definition and one test
 * per criterion, grouped by section. Data only: every spec string goes through
 * the literal printer, so nothing a spec contains can become code.
 */
import { escapeLine } from '../diagnostics/escape.js';
import { SECTION_KINDS, SECTION_TITLES } from '../ir.js';
import type { Criterion, SectionKind, Spec } from '../ir.js';
import { printLiteral, stringLiteral } from './literal.js';
import type { LiteralValue } from './literal.js';

/** Line width the literal printer aims for (prettier's setting in this repository). */
const WIDTH = 110;

export const NOT_EXECUTABLE_SUFFIX = ' [not executable: no yaml block]';

/** The test title of a criterion: `AC-1 free-limit: prose`, on one line. */
export function criterionTitle(criterion: Pick<Criterion, 'id' | 'name' | 'prose'>): string {
  const name = criterion.name ? ` ${criterion.name}` : '';
  // vitest prints the title: a control character in it is shown escaped, never sent to the terminal.
  return escapeLine(collapseWhiteSpace(`${criterion.id}${name}: ${criterion.prose}`));
}

function collapseWhiteSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Criteria per section kind, in SECTION_KINDS order then document order; kinds without criteria are left out. */
export function criteriaBySection(spec: Spec): Array<{ kind: SectionKind; criteria: Criterion[] }> {
  return SECTION_KINDS.map((kind) => ({
    kind,
    criteria: spec.sections.filter((section) => section.kind === kind).flatMap((section) => section.criteria),
  })).filter((group) => group.criteria.length > 0);
}

export function renderBody(spec: Spec): string {
  const info = {
    name: spec.name,
    title: spec.title,
    file: spec.file,
    sha256: spec.sha256,
    config: spec.config,
  };
  const parts = [
    "import { describe, test } from 'vitest';",
    "import { defineSpecSuite } from 'specgate/runtime';",
    '',
    `const suite = defineSpecSuite(${literal(info, 0, 'const suite = defineSpecSuite('.length)});`,
  ];
  for (const group of criteriaBySection(spec)) {
    parts.push('', `describe(${stringLiteral(SECTION_TITLES[group.kind])}, () => {`);
    for (const criterion of group.criteria) parts.push(renderTest(criterion));
    parts.push('});');
  }
  return `${parts.join('\n')}\n`;
}

function renderTest(criterion: Criterion): string {
  const title = criterionTitle(criterion);
  if (!criterion.check) {
    const suffix = criterion.notExecutable
      ? ` [not executable: ${criterion.notExecutable}]`
      : NOT_EXECUTABLE_SUFFIX;
    return `  test.todo(${stringLiteral(title + suffix)});`;
  }
  const opening = `  test(${stringLiteral(title)}, () =>`;
  const verify = `suite.verify(${literal(criterion, 4, '    suite.verify('.length)})`;
  return `${opening}\n    ${verify},\n  );`;
}

function literal(value: unknown, indent: number, column: number): string {
  return printLiteral(value as LiteralValue, { width: WIDTH, indent, column });
}
