/** Why a config file is rejected: the key's dotted path (empty when there is none) and its line. */
export class ConfigProblem extends Error {
  override readonly name = 'ConfigProblem';

  constructor(
    readonly path: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${path === '' ? '' : `${path}: `}${problem} (line ${line})`);
  }
}

/** `config.yaml: line 3: server.port: expected …`: file, line and key first, so they are easy to grep. */
export function formatProblem(file: string, problem: ConfigProblem): string {
  const key = problem.path === '' ? '' : `${problem.path}: `;
  return `${file}: line ${problem.line}: ${key}${problem.problem}`;
}

/** `server` + `port` → `server.port`; list items are numbered from 0: `features.1`. */
export function childPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}
