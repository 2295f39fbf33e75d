/**
 * `SPECGATE_TARGET` / `--target`: judge another implementation than the spec declares.
 * `http(s)://…` → url, `module:path#export` → module, anything else → a shell command
 * that keeps the declared target's settings (ready check, env; for a cli target, a cli).
 */
import type { CommandTarget, TargetConfig } from '../../ir.js';

const DEFAULT_READY_TIMEOUT_MS = 10_000;
const DEFAULT_STOP_GRACE_MS = 3_000;

export function resolveTargetOverride(override: string, declared: TargetConfig): TargetConfig {
  const value = override.trim();
  if (value === '') throw new Error('the target override is empty');
  const env = declared.kind === 'url' ? {} : declared.env;
  if (/^https?:\/\//i.test(value)) return { kind: 'url', url: value };
  const moduleMatch = /^module:([^#]+)(?:#(.+))?$/.exec(value);
  if (moduleMatch)
    return { kind: 'module', module: moduleMatch[1]!, export: moduleMatch[2] ?? 'default', env };
  if (value.startsWith('module:'))
    throw new Error(`target override \`${value}\`: expected module:<path>#<export>`);
  if (declared.kind === 'cli') return { kind: 'cli', command: value, env };
  if (declared.kind === 'command') return { ...declared, command: value };
  return commandWithDefaults(value, env);
}

/** Without a declared command to copy from, any listening socket counts as ready. */
function commandWithDefaults(command: string, env: Record<string, string>): CommandTarget {
  return {
    kind: 'command',
    command,
    env,
    ready: { tcp: true },
    readyTimeout: DEFAULT_READY_TIMEOUT_MS,
    stopGrace: DEFAULT_STOP_GRACE_MS,
  };
}
