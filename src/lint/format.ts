/** Machine-readable lint output: JSON for tools, workflow commands for GitHub annotations. */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { LintRule } from './rule.js';

export interface LintResult {
  file: string;
  diagnostics: readonly Diagnostic[];
  /** Starting yaml blocks for criteria without one, by criterion id (`--suggest`). */
  suggestions?: Readonly<Record<string, string>>;
  /** Of the suggestions, the phrase definitions for clauses no phrase matches (`--suggest`), by criterion id. */
  phraseSnippets?: Readonly<Record<string, string>>;
}

/** One JSON document for the whole run, findings flattened with 1-based line and column. */
export function formatJson(results: readonly LintResult[], rules: readonly LintRule[]): string {
  const ruleOf = ruleIds(rules);
  const files = results.map((result) => ({
    file: result.file,
    findings: result.diagnostics.map((d) => ({
      code: d.code,
      ...(ruleOf.has(d.code) ? { rule: ruleOf.get(d.code) } : {}),
      severity: d.severity,
      message: d.message,
      line: d.place.start.line,
      column: d.place.start.column,
      endLine: d.place.end.line,
      endColumn: d.place.end.column,
      ...(d.expected !== undefined ? { expected: d.expected } : {}),
      ...(d.found !== undefined ? { found: d.found } : {}),
      ...(d.hint !== undefined ? { hint: d.hint } : {}),
    })),
    ...(result.suggestions ? { suggestions: result.suggestions } : {}),
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
}

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: `::warning file=…,line=…,col=…::message`. */
export function formatGithub(results: readonly LintResult[], rules: readonly LintRule[]): string {
  const ruleOf = ruleIds(rules);
  return results
    .flatMap((result) =>
      result.diagnostics.map((d) => {
        const title = ruleOf.has(d.code) ? `${d.code} ${ruleOf.get(d.code)}` : d.code;
        const properties = [
          `file=${escapeProperty(result.file)}`,
          `line=${d.place.start.line}`,
          `col=${d.place.start.column}`,
          `endLine=${d.place.end.line}`,
          `endColumn=${d.place.end.column}`,
          `title=${escapeProperty(title)}`,
        ].join(',');
        return `::${COMMAND[d.severity]} ${properties}::${escapeData(d.message)}\n`;
      }),
    )
    .join('');
}

/** As GitHub's toolkit escapes a command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As GitHub's toolkit escapes a command's property values. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function ruleIds(rules: readonly LintRule[]): Map<string, string> {
  return new Map(rules.map((rule) => [rule.meta.code, rule.meta.id]));
}
