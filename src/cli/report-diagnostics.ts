import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import type { CliContext } from './context.js';

/** Prints diagnostics of one spec with code frames; `minimum` leaves out the less severe ones. */
export function printDiagnostics(
  context: CliContext,
  diagnostics: readonly Diagnostic[],
  source: string,
  options: { minimum: Severity; to: 'out' | 'err' },
): void {
  const shown = diagnostics.filter(
    (diagnostic) => SEVERITY_RANK[diagnostic.severity] >= SEVERITY_RANK[options.minimum],
  );
  const write = options.to === 'out' ? context.out : context.err;
  for (const diagnostic of shown)
    write(`${formatDiagnostic(diagnostic, source, { color: context.color })}\n`);
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
  return counts;
}
