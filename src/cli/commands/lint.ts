import { lintSpec, summarizeCriteria } from '../../lint/index.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../errors.js';
import type { ExitCodeValue } from '../errors.js';
import { loadSpecs, selectSpecFiles } from '../project.js';
import { countBySeverity, printDiagnostics } from '../report-diagnostics.js';

/** Parse diagnostics plus structural warnings; exit 2 when any spec has an error. */
export async function lintProject(context: CliContext, args: readonly string[]): Promise<ExitCodeValue> {
  const files = await selectSpecFiles(context.root, args);
  const totals = { error: 0, warning: 0, info: 0 };

  for (const loaded of await loadSpecs(context.root, files)) {
    const diagnostics = [...loaded.diagnostics, ...(loaded.spec ? lintSpec(loaded.spec) : [])];
    printDiagnostics(context, diagnostics, loaded.source, {
      minimum: context.verbose ? 'info' : 'warning',
      to: 'out',
    });
    const counts = countBySeverity(diagnostics);
    totals.error += counts.error;
    totals.warning += counts.warning;
    totals.info += counts.info;
    const criteria = loaded.spec ? summarizeCriteria(loaded.spec) : undefined;
    const summary = criteria
      ? `${criteria.total} criteria, ${criteria.executable} executable, ${criteria.notExecutable} not executable`
      : 'not parsed';
    context.out(
      `${loaded.file}: ${summary}; ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`,
    );
  }

  if (totals.error > 0) {
    context.err(context.colors.red(`${plural(totals.error, 'error')} in ${plural(files.length, 'spec')}`));
    return ExitCode.usage;
  }
  return ExitCode.ok;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
