/**
 * The specgate command line: reads files, writes atomically, runs vitest and maps results to
 * exit codes. `main` never exits the process; bin/specgate.js sets the exit code it returns.
 * Each command's module is imported when the command runs, so `--help` starts at Node's speed.
 */
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { colorEnabled } from './color.js';
import { createContext, escapingIo, processIo } from './context.js';
import type { CliContext, CliIo } from './context.js';
import { CliError, EXIT_CODES_HELP, ExitCode } from './errors.js';
import { packageVersion } from './version.js';
import type { ExitCodeValue } from './errors.js';
import { addLintOptions, DEFAULT_REPORT_DIR } from './commands/options.js';
import type { LintOptions } from './commands/options.js';
import type { CiOptions } from './commands/ci.js';
import type { StrengthOptions } from './commands/strength.js';
import type { ExplainOptions } from './commands/explain.js';
import type { InitOptions } from './commands/init.js';
import type { McpOptions } from './commands/mcp.js';
import type { TestOptions } from './commands/test.js';

interface GlobalOptions {
  cwd?: string;
  verbose?: boolean;
}

export async function main(argv: string[], rawIo: CliIo = processIo()): Promise<number> {
  const color = colorEnabled(rawIo.env, rawIo.stdoutIsTTY);
  const io = escapingIo(rawIo, color);
  let exitCode: ExitCodeValue = ExitCode.ok;
  const program = buildProgram(io, color, async (options, run) => {
    const context = createContext({
      root: resolve(options.cwd ?? process.cwd()),
      verbose: options.verbose === true,
      color,
      io,
    });
    exitCode = await run(context);
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io, argv.includes('--verbose'));
  }
}

type Runner = (options: GlobalOptions, run: (context: CliContext) => Promise<ExitCodeValue>) => Promise<void>;

function buildProgram(io: CliIo, color: boolean, runWith: Runner): Command {
  const program = new Command('specgate')
    .description('Compile Markdown feature specs into vitest suites that judge any implementation.')
    .version(packageVersion(), '--version', 'print the version')
    .option('--cwd <dir>', 'project root (default: the current directory)')
    .option('--verbose', 'say more: progress, warnings, stack traces')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      getOutHasColors: () => color,
      getErrHasColors: () => color,
    })
    .addHelpText('after', EXIT_CODES_HELP);

  const command = (name: string, description: string): Command =>
    program.command(name).description(description).addHelpText('after', EXIT_CODES_HELP);
  const globals = (cmd: Command): GlobalOptions => cmd.optsWithGlobals<GlobalOptions>();

  command(
    'init',
    'write a starter spec (specs/visits.md, or the path given) and a server it can judge at once; --from: a front matter for a prose spec',
  )
    .argument('[spec]', 'the new spec file, e.g. specs/orders.md (never overwritten)')
    .addOption(new Option('--service <kind>', "the starter spec's dependency").choices(['redis', 'postgres']))
    .option('--from <spec>', 'write the front matter a prose spec (without one) implies, for you to finish')
    .action(async (spec: string | undefined, options: InitOptions, cmd: Command) =>
      runWith(globals(cmd), async (context) =>
        (await import('./commands/init.js')).initProject(context, spec, options),
      ),
    );

  addLintOptions(command('lint', 'report spec errors, and ask the questions a reviewer would'))
    .argument('[spec...]', 'spec files (default: specs/*.md)')
    .action(async (specs: string[], options: LintOptions, cmd: Command) =>
      runWith(globals(cmd), async (context) =>
        (await import('./commands/lint.js')).lintProject(context, specs, options),
      ),
    );

  command('compile', 'compile specs into generated/<name>.test.ts; writes nothing if any spec has an error')
    .argument('[spec...]', 'spec files (default: specs/*.md; then orphaned generated files are deleted)')
    .action(async (specs: string[], _options: object, cmd: Command) =>
      runWith(globals(cmd), async (context) => {
        await (await import('./commands/compile.js')).compileCommand(context, specs);
        return ExitCode.ok;
      }),
    );

  command(
    'check',
    'check that generated/ is in step with specs/ (stale, hand-edited, orphaned, missing, outdated)',
  ).action(async (_options: object, cmd: Command) =>
    runWith(globals(cmd), async (context) => (await import('./commands/check.js')).checkProject(context)),
  );

  command('test', 'compile, then run the generated suites with vitest')
    .argument('[spec...]', 'spec files (default: specs/*.md)')
    .option(
      '--target <cmd|url>',
      "judge this implementation instead of the spec's target (a URL, module:path#export, or a shell command)",
    )
    .option('--seed <n>', 'seed of the property runs (replay a failure)')
    .option('--path <p>', 'fast-check path of a counterexample (replay a failure)')
    .option('--runs <n>', 'property runs per criterion (overrides the spec)')
    .option('--criterion <id>', 'run only the criterion with this id, e.g. AC-1')
    .option('--watch', 'keep running: recompile a changed spec and rerun its suite (Ctrl-C to stop)')
    .addOption(
      new Option(
        '--reporter <name>',
        'default: every criterion, for people; agent: failures only, each in at most 25 lines (also SPECGATE_REPORTER)',
      ).choices(['default', 'agent']),
    )
    .addOption(new Option('--verbose', 'say more: progress, warnings, stack traces').hideHelp())
    .action(async (specs: string[], options: TestOptions & { watch?: boolean }, cmd: Command) =>
      runWith(globals(cmd), async (context) =>
        options.watch
          ? (await import('./commands/watch.js')).watchProject(context, specs, options)
          : (await import('./commands/test.js')).testProject(context, specs, options),
      ),
    );

  command('ci', 'the CI gate: drift check, lint, full run, and reports (JSON, JUnit XML, Markdown, HTML)')
    .argument('[spec...]', 'spec files (default: specs/*.md)')
    .option('--report-dir <dir>', `where the reports go (default: ${DEFAULT_REPORT_DIR})`)
    .option('--require-executable', 'fail the gate when any criterion is not executable')
    .option('--min-executable <share>', 'fail the gate when fewer criteria are executable, e.g. 0.8 or 80%')
    .option('--shard <i/n>', 'run only shard i of n and leave a blob in <report-dir>/blobs for --merge')
    .option('--merge <dir>', "merge the shards' blobs in <dir> instead of running: reports as one run")
    .option('--target <cmd|url>', "judge this implementation instead of the spec's target")
    .option('--seed <n>', 'seed of the property runs')
    .option('--runs <n>', 'property runs per criterion (overrides the spec)')
    .option('--criterion <id>', 'run only the criterion with this id, e.g. AC-1')
    .option('--bail', 'stop at the first failing criterion')
    .option('--no-vacuity', 'skip the vacuity check (each criterion against built-in wrong implementations)')
    .option('--strict', 'vacuous criteria fail the gate')
    .addOption(new Option('--verbose', 'say more: progress, warnings, stack traces').hideHelp())
    .action(async (specs: string[], options: CiOptions, cmd: Command) =>
      runWith(globals(cmd), async (context) =>
        (await import('./commands/ci.js')).ciProject(context, specs, options),
      ),
    );

  command(
    'explain',
    "a diagnostic code's page (specgate explain SG1007), or a criterion: its prose, phrases, steps and last verdict",
  )
    .argument('<code|spec|criterion>', 'a code such as SG1007, a spec file or name, or a criterion id')
    .argument('[criterion]', 'the criterion id when a spec is named, e.g. AC-1')
    .option('--report-dir <dir>', `where the last report is read from (default: ${DEFAULT_REPORT_DIR})`)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (subject: string, criterion: string | undefined, options: ExplainOptions, cmd: Command) =>
      runWith(globals(cmd), async (context) =>
        (await import('./commands/explain.js')).explainCommand(context, subject, criterion, options),
      ),
    );

  command(
    'mcp',
    'serve the MCP protocol over stdio: lint, suggest, compile, test, explain and report as tools',
  )
    .option(
      '--report-dir <dir>',
      `where test runs save reports and report reads them (default: ${DEFAULT_REPORT_DIR})`,
    )
    .action(async (options: McpOptions, cmd: Command) =>
      runWith(globals(cmd), async (context) =>
        (await import('./commands/mcp.js')).mcpCommand(context, options),
      ),
    );

  const list = (value: string, previous: string[] = []): string[] => [...previous, value];
  command(
    'strength',
    'how strong the specs are: the wrong implementations (mutants, variants) their suites catch',
  )
    .argument('[spec...]', 'spec files (default: specs/*.md)')
    .option('--mutate <glob>', 'mutate these JS/TS files with StrykerJS (repeatable; !glob excludes)', list)
    .option(
      '--variants <dir>',
      'judge each known-bad implementation in this directory (or file; repeatable)',
      list,
    )
    .option('--target <cmd>', "the implementation to mutate, when not the spec's own")
    .option('--since <ref>', 'mutate only files changed since this git ref')
    .option('--max-mutants <n>', 'judge at most this many mutants (the rest are reported as not run)')
    .option('--budget <duration>', 'start no mutant after this long, e.g. 20m')
    .option('--concurrency <n>', 'judgements at once (default: cores - 1)')
    .option('--criterion <id>', 'variants: run only this criterion')
    .option('--report-dir <dir>', `where strength.json/.html/.md go (default: ${DEFAULT_REPORT_DIR})`)
    .addOption(new Option('--verbose', 'say more: progress, warnings, stack traces').hideHelp())
    .action(async (specs: string[], options: StrengthOptions, cmd: Command) =>
      runWith(globals(cmd), async (context) =>
        (await import('./commands/strength.js')).strengthProject(context, specs, options),
      ),
    );

  return program;
}

function reportError(error: unknown, io: CliIo, verbose: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version are successful exits; commander has already printed usage errors.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    return ExitCode.usage;
  }
  if (error instanceof CliError) {
    io.stderr(`specgate: ${error.message}\n`);
    if (verbose && error.stack) io.stderr(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`specgate: internal error: ${message}\n`);
  io.stderr(
    verbose && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : '(run with --verbose for the stack trace)\n',
  );
  return ExitCode.usage;
}
