/** Starting the implementation under test, whatever its kind (see TargetConfig in ir.ts). */
import type { TargetConfig } from '../../ir.js';
import type { RunningTarget, StartOptions } from '../types.js';
import { startCommandTarget } from './command.js';
import { startModuleTarget } from './module.js';
import { startUrlTarget } from './url.js';

export { runCli, CliTimeoutError } from './cli.js';
export type { CliRun } from './cli.js';
export { resolveTargetOverride } from './override.js';
export { commandLine, shellQuote } from './shell-quote.js';

export async function startTarget(
  config: TargetConfig,
  options: StartOptions & { root: string },
): Promise<RunningTarget> {
  switch (config.kind) {
    case 'command':
      return startCommandTarget(config, options);
    case 'url':
      return startUrlTarget(config, options);
    case 'module':
      return startModuleTarget(config, options);
    case 'cli':
      throw new Error(
        `a cli target (${config.command}) is not started: each \`run\` step runs it with runCli`,
      );
  }
}
