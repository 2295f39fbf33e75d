import pc from 'picocolors';
import { escapeOutput } from '../diagnostics/escape.js';

export type Colors = ReturnType<typeof pc.createColors>;

/** Where a command writes, and how: the one place the CLI touches stdout/stderr. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
}

export interface CliContext {
  /** Absolute project root (`--cwd`, else the process's working directory). */
  root: string;
  verbose: boolean;
  color: boolean;
  colors: Colors;
  io: CliIo;
  /** A result line (stdout). */
  out(line: string): void;
  /** A message line (stderr). */
  err(line: string): void;
  /** A progress line, shown with --verbose only (stderr). */
  info(line: string): void;
}

export function processIo(): CliIo {
  // `specgate … | head` closes the pipe early: the rest of the output has no reader, which is no error.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', ignoreClosedPipe);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
}

/**
 * Everything a command prints passes here: text from specs, file names and implementations
 * reaches the terminal with its control characters escaped (only specgate's own colors, when
 * on, pass). Where a newline would forge a line (a file name), the printing code escapes it too.
 */
export function escapingIo(io: CliIo, colors: boolean): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(escapeOutput(text, { colors })),
    stderr: (text) => io.stderr(escapeOutput(text, { colors })),
  };
}

export function createContext(options: {
  root: string;
  verbose: boolean;
  color: boolean;
  io: CliIo;
}): CliContext {
  const { io, verbose } = options;
  return {
    ...options,
    colors: pc.createColors(options.color),
    out: (line) => io.stdout(`${line}\n`),
    err: (line) => io.stderr(`${line}\n`),
    info: (line) => {
      if (verbose) io.stderr(`${line}\n`);
    },
  };
}

function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}
