import type { Identity, ServiceKind, SpecConfig, TargetConfig, TemplateValue } from '../ir.js';
import { durationMs } from './durations.js';
import type { Reporter } from './reporter.js';
import { readServices } from './services.js';
import { FRONT_MATTER_CODES, validate } from './schema.js';
import { checkStrings, templateMap, textOf } from './values.js';
import type { YamlValue } from './yaml-tree.js';

/** What criteria may refer to; known even when other parts of the front matter are wrong. */
export interface KnownNames {
  services: ReadonlyMap<string, { kind: ServiceKind; external: boolean }>;
  identities: ReadonlySet<string>;
  targetKind?: TargetConfig['kind'];
}

export interface FrontMatter {
  name?: string;
  title?: string;
  config: SpecConfig;
  known: KnownNames;
}

const TARGET_KINDS = ['command', 'url', 'module', 'cli'] as const;
/** Target keys beyond the kind key, and which kinds take them. */
const TARGET_KEYS: Readonly<Record<string, ReadonlyArray<TargetConfig['kind']>>> = {
  env: ['command', 'module', 'cli'],
  ready: ['command'],
  'ready timeout': ['command'],
  'stop grace': ['command'],
  export: ['module'],
};

export function readFrontMatter(root: YamlValue, reporter: Reporter): FrontMatter {
  validate('frontMatter', root, reporter, FRONT_MATTER_CODES);
  for (const key of ['identities', 'vars']) {
    const value = root.get(key);
    if (value) checkStrings(value, reporter);
  }
  const services = readServices(root.get('services'), reporter);
  const identities = readIdentities(root.get('identities'));
  const target = readTarget(root.get('target'), reporter);
  const config: SpecConfig = {
    target: target ?? { kind: 'url', url: '' },
    services,
    identities,
    vars: (root.get('vars')?.isMap() ? root.get('vars')!.value : {}) as Record<string, TemplateValue>,
    runs: typeof root.get('runs')?.value === 'number' ? (root.get('runs')!.value as number) : 25,
    timeout: durationMs(root.get('timeout')?.value ?? '30s') ?? 30_000,
    metricsPath: root.get('metrics path')?.string() ?? '/metrics',
  };
  const known: KnownNames = {
    services: new Map(
      Object.entries(services).map(([name, s]) => [name, { kind: s.kind, external: s.url !== undefined }]),
    ),
    identities: new Set(Object.keys(identities)),
    ...(target ? { targetKind: target.kind } : {}),
  };
  const frontMatter: FrontMatter = { config, known };
  const name = root.get('spec')?.string();
  if (name !== undefined) frontMatter.name = name;
  const title = root.get('title')?.string();
  if (title !== undefined) frontMatter.title = title;
  return frontMatter;
}

function readTarget(value: YamlValue | undefined, reporter: Reporter): TargetConfig | undefined {
  if (!value?.isMap()) return undefined;
  const kinds = TARGET_KINDS.filter((kind) => value.get(kind) !== undefined);
  if (kinds.length !== 1) {
    reporter.report(
      'SG2010',
      kinds.length > 1 ? value.get(kinds[1]!)!.keyRange() : value.range(),
      {},
      {
        expected: 'one of: command, url, module, cli',
        found: kinds.length === 0 ? 'none of them' : kinds.join(', '),
      },
    );
    return undefined;
  }
  const kind = kinds[0]!;
  for (const [key, allowed] of Object.entries(TARGET_KEYS)) {
    const entry = value.get(key);
    if (entry && !allowed.includes(kind)) {
      reporter.report(
        'SG2011',
        entry.keyRange(),
        { key, kind },
        { expected: `a ${allowed.join(' or ')} target` },
      );
    }
  }
  const env = templateMap(value.get('env'), textOf) ?? {};
  const text = (key: string): string => value.get(key)?.string() ?? '';
  switch (kind) {
    case 'command': {
      const ready = value.get('ready')?.string() ?? '/healthz';
      return {
        kind,
        command: text('command'),
        env,
        ready: ready === 'tcp' ? { tcp: true } : { http: ready },
        readyTimeout: durationMs(value.get('ready timeout')?.value ?? '10s') ?? 10_000,
        stopGrace: durationMs(value.get('stop grace')?.value ?? '3s') ?? 3_000,
      };
    }
    case 'url':
      return { kind, url: text('url') };
    case 'module':
      return { kind, module: text('module'), export: value.get('export')?.string() ?? 'default', env };
    case 'cli':
      return { kind, command: text('cli'), env };
  }
}

function readIdentities(value: YamlValue | undefined): Record<string, Identity> {
  const identities: Record<string, Identity> = {};
  for (const [name, entry] of value?.entries() ?? []) {
    identities[name] = {
      headers: templateMap(entry.get('headers'), textOf) ?? {},
      defaults: templateMap(entry.get('defaults')) ?? {},
    };
  }
  return identities;
}
