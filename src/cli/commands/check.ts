import { checkDrift } from '../../check/index.js';
import type { CliContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import { hasErrors, listDriftSpecFiles, loadGeneratedFiles, loadSpecs } from '../project.js';
import { printDiagnostics } from '../report-diagnostics.js';
import { elapsed, plural } from './compile.js';
import { escapeLine } from '../../diagnostics/escape.js';

/** Compares generated/ with specs/; exit 1 names every file that is not up to date. */
export async function checkProject(context: CliContext): Promise<ExitCodeValue> {
  const started = performance.now();
  const generated = await loadGeneratedFiles(context.root);
  const specs = await loadSpecs(context.root, await listDriftSpecFiles(context.root, generated));
  const report = checkDrift({ specs, generated });

  const { colors } = context;
  for (const entry of report.entries) {
    if (entry.state === 'ok') {
      context.info(`${escapeLine(entry.file)}: ok`);
      continue;
    }
    context.out(`${escapeLine(entry.file)}: ${colors.red(entry.state)} (${entry.reason})`);
  }

  const broken = specs.filter(hasErrors);
  for (const spec of broken)
    printDiagnostics(context, spec.diagnostics, spec.source, { minimum: 'error', to: 'err' });
  if (broken.length > 0)
    throw new CliError(`${broken.map((spec) => escapeLine(spec.file)).join(', ')}: spec errors`);
  if (!report.clean) {
    const count = report.entries.filter((entry) => entry.state !== 'ok').length;
    context.err(`${count} generated file(s) out of step with specs/; run \`specgate compile\``);
    return ExitCode.failed;
  }
  context.out(
    `checked ${plural(report.entries.length, 'generated file')}: all in step with specs/ (${elapsed(started)})`,
  );
  return ExitCode.ok;
}
