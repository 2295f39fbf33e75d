/**
 * The compile stage: Spec → the text of `generated/<name>.test.ts`. Pure and
 * deterministic: the same Spec always gives the same bytes.
 */
import { SPEC_NAME, SPEC_NAME_MAX_LENGTH, type Spec } from '../ir.js';
import { renderBody } from './body.js';
import { renderHeader, sha256Hex } from './header.js';

export { criteriaBySection, criterionTitle, NOT_EXECUTABLE_SUFFIX } from './body.js';
export { sha256Hex, splitGeneratedFile } from './header.js';
export type { GeneratedHeader } from './header.js';

export const GENERATED_DIR = 'generated';

export function compileSpec(spec: Spec): string {
  const body = renderBody(spec);
  return (
    renderHeader({
      source: spec.file,
      specSha256: spec.sha256,
      ...(spec.definitionsSha256 !== undefined ? { definitionsSha256: spec.definitionsSha256 } : {}),
      bodySha256: sha256Hex(body),
    }) + body
  );
}

/** `generated/<name>.test.ts`; throws on a name that is not a spec name, so no path can leave `generated/`. */
export function generatedPathFor(spec: Pick<Spec, 'name'>): string {
  if (!SPEC_NAME.test(spec.name)) {
    throw new Error(
      `invalid spec name ${JSON.stringify(spec.name)}: expected [a-z0-9][a-z0-9-]*, at most ${SPEC_NAME_MAX_LENGTH} characters`,
    );
  }
  return `${GENERATED_DIR}/${spec.name}.test.ts`;
}
