/** Exit codes of every command; documented in `--help`. */
export const ExitCode = {
  ok: 0,
  /** Test failures, or generated files out of step with the specs. */
  failed: 1,
  /** Wrong usage, invalid specs, or an error of specgate itself. */
  usage: 2,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  test failures, or generated files out of step with the specs (check)
  2  usage error, spec errors, or an internal error`;

/** An expected failure with a message for the user: printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
