/** Copies of test/fixtures/ci/greeter, compiled, with the repo's node_modules, as a user's project. */
import { cp, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { CriterionReport, RunReport } from '../../src/report/index.js';
import { makeProject, REPO_ROOT, runCli } from '../cli/helpers.js';

const FIXTURE = join(REPO_ROOT, 'test/fixtures/ci/greeter');

export async function copyGreeter(): Promise<string> {
  const root = await makeProject();
  await cp(FIXTURE, root, { recursive: true });
  await symlink(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const compiled = await runCli(['compile'], { cwd: root });
  if (compiled.code !== 0) throw new Error(`compile failed in ${root}: ${compiled.stderr}`);
  return root;
}

const ajv = new Ajv2020({ allErrors: true, strictRequired: false });
addFormats.default(ajv);
const validate = ajv.compile(
  (await import('../../schema/specgate-report.schema.json', { with: { type: 'json' } })).default,
);

/** Throws with ajv's errors unless the report matches the published schema. */
export function validateReport(report: unknown): void {
  if (!validate(report))
    throw new Error(`report.json does not match its schema: ${JSON.stringify(validate.errors, null, 2)}`);
}

export function criteria(report: RunReport): Array<{ spec: string; criterion: CriterionReport }> {
  return report.specs.flatMap((spec) =>
    spec.sections.flatMap((section) => section.criteria.map((criterion) => ({ spec: spec.file, criterion }))),
  );
}
