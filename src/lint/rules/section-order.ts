import { SECTION_KINDS, SECTION_TITLES } from '../../ir.js';
import type { LintRule } from '../rule.js';
import { report } from '../rule.js';

/** Sections in the canonical order read the same in every spec and match the generated `describe`s. */
export const sectionOrder: LintRule = {
  meta: {
    id: 'section-order',
    code: 'SG6003',
    severity: 'warning',
    description: `Sections appear in the order ${SECTION_KINDS.map((kind) => SECTION_TITLES[kind]).join(', ')}.`,
  },
  check(spec) {
    const diagnostics = [];
    let highest = -1;
    let highestTitle = '';
    for (const section of spec.sections) {
      const rank = SECTION_KINDS.indexOf(section.kind);
      if (rank < highest) {
        diagnostics.push(
          report(sectionOrder.meta, {
            message: `Section "${section.heading}" comes after "${highestTitle}".`,
            place: section.place,
            expected: `${SECTION_TITLES[section.kind]} before ${highestTitle}`,
            found: section.heading,
          }),
        );
      } else if (rank > highest) {
        highest = rank;
        highestTitle = section.heading;
      }
    }
    return diagnostics;
  },
};
