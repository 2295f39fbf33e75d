/** Protocol faults of Redis and PostgreSQL services: `fault: { redis: … }`, `fault: { postgres: … }`. */
import type { Place, PostgresFault, ProtocolFaultStep, RedisFault } from '../ir.js';
import { LOCK_MODES, POSTGRES_FAULT_KEYS, TABLE_NAME, type PostgresFaultType } from '../postgres-faults.js';
import { NEVER_FAULTED, REDIS_ERRORS, redisErrorLine } from '../redis-faults.js';
import type { StepScope } from './steps.js';
import { protocolFaultStep, type ServiceResolver } from './upstream-steps.js';
import type { YamlValue } from './yaml-tree.js';

const REDIS_KEYS = new Set(['service', 'redis', 'name', 'toxicity', 'for', 'commands', 'times']);

export function readRedisFault(
  arg: YamlValue,
  scope: StepScope,
  place: Place,
  resolve: ServiceResolver,
): Omit<ProtocolFaultStep, 'label'> {
  const { reporter } = scope;
  for (const [key, entry] of arg.entries()) {
    if (REDIS_KEYS.has(key)) continue;
    reporter.report(
      'SG3012',
      entry.keyRange(),
      { key, toxic: 'redis' },
      { expected: `one of: ${[...REDIS_KEYS].filter((k) => k !== 'redis').join(', ')}` },
    );
  }
  const written = arg.get('redis')!;
  const text = typeof written.value === 'string' ? written.value : undefined;
  const error = text === undefined ? undefined : redisErrorLine(text);
  // A non-string is the schema's SG3005; a string that is no error line is ours.
  if (text !== undefined && error === undefined)
    reporter.report(
      'SG3050',
      written.range(),
      { found: text },
      {
        expected: `an error code in capitals (${Object.keys(REDIS_ERRORS).join(', ')}) or a whole error line such as "ERR out of tokens"`,
      },
    );
  const fault: RedisFault = { protocol: 'redis', error: error ?? 'ERR' };
  const commands = arg.get('commands');
  if (commands?.isSeq()) {
    fault.commands = commands.items().flatMap((item) => {
      const name = item.string();
      if (name === undefined) return [];
      const upper = name.toUpperCase();
      if (NEVER_FAULTED.includes(upper))
        reporter.report(
          'SG3051',
          item.range(),
          { command: upper },
          {
            hint:
              upper === 'MULTI'
                ? 'fault EXEC instead: the transaction then fails as a whole'
                : 'the proxy passes a connection through untouched once it leaves request/reply',
          },
        );
      return [upper];
    });
  }
  const times = arg.get('times')?.value;
  if (typeof times === 'number' || typeof times === 'string') fault.times = times;
  return protocolFaultStep(arg, fault, place, resolve);
}

const POSTGRES_COMMON_KEYS = new Set(['service', 'postgres', 'name']);

export function readPostgresFault(
  arg: YamlValue,
  scope: StepScope,
  place: Place,
  resolve: ServiceResolver,
): Omit<ProtocolFaultStep, 'label'> {
  const { reporter } = scope;
  const written = arg.get('postgres')?.string();
  // An unknown type is the schema's (an enum); its keys are then not checked.
  const type = (
    Object.hasOwn(POSTGRES_FAULT_KEYS, written ?? '') ? written : 'terminate'
  ) as PostgresFaultType;
  const allowed = POSTGRES_FAULT_KEYS[type];
  if (written === type) {
    for (const [key, entry] of arg.entries()) {
      if (POSTGRES_COMMON_KEYS.has(key) || allowed.includes(key)) continue;
      reporter.report(
        'SG3012',
        entry.keyRange(),
        { key, toxic: `postgres ${type}` },
        {
          expected:
            allowed.length > 0 ? `one of: ${allowed.join(', ')}` : `no attributes for postgres ${type}`,
          ...(type === 'terminate' && key === 'for'
            ? { hint: 'terminate acts once, when the step runs' }
            : {}),
        },
      );
    }
    if (allowed.includes('table') && !arg.get('table'))
      reporter.report('SG3006', arg.range(), { key: 'table', context: `a postgres ${type} fault` });
  }
  const fault: PostgresFault = { protocol: 'postgres', type };
  const table = arg.get('table');
  const tableName = table?.string();
  if (table && tableName !== undefined) {
    if (!TABLE_NAME.test(tableName))
      reporter.report(
        'SG3052',
        table.range(),
        { found: tableName },
        { expected: 'a table name (letters, digits, _ and $; not starting with a digit), or schema.table' },
      );
    fault.table = tableName;
  }
  const mode = arg.get('mode');
  const modeName = mode?.string()?.toLowerCase().trim().replace(/\s+/g, ' ');
  if (mode && modeName !== undefined) {
    if (!LOCK_MODES.includes(modeName))
      reporter.report(
        'SG3053',
        mode.range(),
        { found: mode.string()! },
        { expected: `one of: ${LOCK_MODES.join(', ')}` },
      );
    fault.mode = modeName;
  }
  const times = arg.get('times')?.value;
  if (typeof times === 'number' || typeof times === 'string') fault.times = times;
  return protocolFaultStep(arg, fault, place, resolve);
}
