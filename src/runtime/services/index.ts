/** Starting the services a spec declares (see ServiceConfig in ir.ts), each behind a fault proxy. */
import type { ServiceConfig } from '../../ir.js';
import { createTempDir, removeTempDir } from '../process/index.js';
import type { RunningService } from '../types.js';
import { startCommandService } from './command.js';
import { startExternalService } from './external.js';
import { startHttpService } from './http.js';
import { startPostgres } from './postgres.js';
import { startRedis } from './redis.js';

export { MissingBinaryError } from './binaries.js';

export async function startService(
  name: string,
  config: ServiceConfig,
  options: { tempRoot: string; seed: number; vars?: Record<string, unknown>; root?: string },
): Promise<RunningService> {
  if (config.kind === 'http')
    return startHttpService(name, config, { seed: options.seed, vars: options.vars ?? {} });
  if (config.kind !== 'command' && config.url !== undefined)
    return startExternalService(name, { ...config, kind: config.kind, url: config.url }, options.seed);
  const dir = await createTempDir(`${config.kind}-${name.replace(/[^A-Za-z0-9-]/g, '-')}`, options.tempRoot);
  try {
    switch (config.kind) {
      case 'redis':
        return await startRedis(name, { dir, seed: options.seed });
      case 'postgres':
        return await startPostgres(name, { dir, tempRoot: options.tempRoot, seed: options.seed });
      case 'command':
        return await startCommandService(name, config.server!, {
          dir,
          seed: options.seed,
          vars: options.vars ?? {},
          root: options.root ?? process.cwd(),
        });
    }
  } catch (error) {
    await removeTempDir(dir);
    throw error;
  }
}
