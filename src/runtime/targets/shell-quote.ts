/** POSIX shell quoting for arguments appended to a command line. */

const SAFE = /^[A-Za-z0-9_\-./=:@%+,]+$/;

export function shellQuote(argument: string): string {
  if (SAFE.test(argument)) return argument;
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args.map(shellQuote)].join(' ');
}
