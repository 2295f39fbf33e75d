/**
 * The processes one suite file judges with: services started once, lazily;
 * the target started per distinct (instances, env) and reused between
 * criteria until a failure, a restart or `freshTarget` makes it stale.
 */
import type { Check, SpecConfig, TargetConfig } from '../../ir.js';
import { evaluateString } from '../expr/index.js';
import { createTempDir, removeTempDir } from '../process/index.js';
import { startService } from '../services/index.js';
import type { CliRunner } from '../steps/index.js';
import { resolveTargetOverride, runCli, startTarget } from '../targets/index.js';
import type { RunningService, RunningTarget } from '../types.js';

export interface AcquiredTarget {
  target?: RunningTarget;
  runCli?: CliRunner;
  env: Record<string, string>;
}

export class SuiteEnvironment {
  readonly targetConfig: TargetConfig;
  private services?: Map<string, RunningService>;
  private servicesStarting?: Promise<Map<string, RunningService>>;
  private tempRoot?: string;
  private current?: { key: string; target: RunningTarget; stale: boolean };
  private announced = false;

  constructor(
    readonly config: SpecConfig,
    readonly root: string,
    readonly targetOverride: string | undefined,
    private readonly seed: number,
  ) {
    this.targetConfig = targetOverride ? resolveTargetOverride(targetOverride, config.target) : config.target;
  }

  /** Printed once per suite so a report says which implementation was judged. */
  announce(description: string): void {
    if (this.announced) return;
    this.announced = true;
    const overridden = this.targetOverride ? ' (SPECGATE_TARGET)' : '';
    console.log(`specgate: judging ${description}${overridden}`);
  }

  async startServices(): Promise<Map<string, RunningService>> {
    if (this.services) return this.services;
    this.servicesStarting ??= (async () => {
      this.tempRoot = await createTempDir('suite');
      const started = new Map<string, RunningService>();
      try {
        for (const [name, config] of Object.entries(this.config.services)) {
          started.set(
            name,
            await startService(name, config, {
              tempRoot: this.tempRoot,
              seed: this.seed,
              vars: this.config.vars,
            }),
          );
        }
      } catch (error) {
        await Promise.allSettled([...started.values()].map((service) => service.stop()));
        throw error;
      }
      this.services = started;
      return started;
    })();
    return this.servicesStarting;
  }

  async targetEnv(check: Check): Promise<Record<string, string>> {
    const declared = 'env' in this.targetConfig ? this.targetConfig.env : {};
    const env: Record<string, string> = { ...declared };
    for (const [, service] of this.services ?? [])
      env[this.serviceEnvName(service.name)] = service.proxiedUrl;
    const scope = { vars: this.config.vars };
    for (const [name, template] of Object.entries(check.env ?? {}))
      env[name] = await evaluateString(template, scope);
    return env;
  }

  private serviceEnvName(name: string): string {
    return this.config.services[name]?.env ?? `${name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}_URL`;
  }

  /** The target for a criterion: reused when instances and env match and it is not stale. */
  async acquireTarget(check: Check): Promise<AcquiredTarget> {
    const env = await this.targetEnv(check);
    const config = this.targetConfig;
    if (config.kind === 'cli') {
      this.announce(`cli: ${config.command}`);
      // Commands run from the project root, as servers do; the files they read live in the scratch dir.
      return { env, runCli: (run) => runCli(config, { ...run, cwd: this.root }) };
    }
    const instances = check.instances ?? 1;
    const key = JSON.stringify({ instances, env });
    if (this.current && (this.current.key !== key || this.current.stale || check.freshTarget)) {
      await this.stopTarget();
    }
    if (!this.current) {
      const target = await startTarget(config, { instances, env, root: this.root });
      this.current = { key, target, stale: false };
      this.announce(target.description);
    }
    return { env, target: this.current.target };
  }

  /** After a failure, a `restart` or a fresh target: the next criterion or run starts it anew. */
  markTargetStale(): void {
    if (this.current) this.current.stale = true;
  }

  async stopTarget(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.target.stop();
  }

  async close(): Promise<void> {
    const errors: unknown[] = [];
    await this.stopTarget().catch((error: unknown) => errors.push(error));
    const services = this.services ?? (await this.servicesStarting?.catch(() => undefined));
    for (const service of services?.values() ?? [])
      await service.stop().catch((error: unknown) => errors.push(error));
    if (this.tempRoot) await removeTempDir(this.tempRoot);
    if (errors.length > 0) throw new AggregateError(errors, 'specgate: stopping the suite failed');
  }
}
