/**
 * Commands printed for a user to paste (the `Replay:` line), quoted for a POSIX shell (sh, dash,
 * bash, zsh): pasted, the command runs with exactly these arguments, whatever a file name or id
 * holds (`$(…)`, quotes, spaces, newlines).
 */

/** Characters no POSIX shell gives a meaning to inside an argument. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument: as it is when plain, else in single quotes, inside which only `'` itself needs care. */
export function quoteShellArgument(argument: string): string {
  if (PLAIN.test(argument)) return argument;
  return `'${argument.replaceAll("'", `'\\''`)}'`;
}

/** A command line whose words are exactly `argv`. */
export function shellCommand(argv: readonly string[]): string {
  return argv.map(quoteShellArgument).join(' ');
}
