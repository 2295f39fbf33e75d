/**
 * `specgate init --from`: the front matter a prose spec implies, for its author to finish. Pure:
 * it reads the Markdown and returns YAML text. What it cannot know (the command that starts the
 * implementation, env values) is written as a TODO that fails loudly, never as a guess.
 */
import { stringify } from 'yaml';

export interface InferredFrontMatter {
  /** The YAML text between the `---` lines, comments included. */
  yaml: string;
  services: Record<string, string>;
  env: string[];
  routes: string[];
  headers: string[];
}

const SERVICE_WORDS: Array<{ name: string; kind: string; words: RegExp }> = [
  { name: 'redis', kind: 'redis', words: /\bredis\b/i },
  { name: 'db', kind: 'postgres', words: /\b(?:postgres(?:ql)?|database|db)\b/i },
];

const ROUTE = /\b(GET|POST|PUT|PATCH|DELETE)\s+(\/[^\s`"'),;]*)/g;
const ENV = /`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g;
const HEADER = /`(X-[A-Za-z0-9-]+)`/g;

/** Front matter for a spec named `name` from its Markdown (which has none yet). */
export function inferFrontMatter(name: string, markdown: string): InferredFrontMatter {
  const services = Object.fromEntries(
    SERVICE_WORDS.filter((service) => service.words.test(markdown)).map((service) => [
      service.name,
      service.kind,
    ]),
  );
  const env = unique([...markdown.matchAll(ENV)].map((match) => match[1] ?? '')).filter(
    (variable) => !['PORT', 'HOST', 'REDIS_URL', 'DATABASE_URL'].includes(variable),
  );
  const routes = unique([...markdown.matchAll(ROUTE)].map((match) => `${match[1]} ${match[2]}`));
  const headers = unique([...markdown.matchAll(HEADER)].map((match) => match[1] ?? ''));

  const lines = [
    '# Inferred by `specgate init --from` from the prose below: finish it, then `specgate lint`.',
    stringify({ spec: name }).trimEnd(),
    'target:',
    "  # TODO: the command that starts your implementation (it gets PORT, HOST and the services' URLs).",
    `  command: ${JSON.stringify('echo "specgate: set target.command in the front matter" >&2; exit 1')}`,
    '  ready: /healthz',
  ];
  if (env.length > 0) {
    lines.push('  env:', '    # TODO: the values the suite runs with (named in the prose).');
    for (const variable of env) lines.push(`    ${variable}: ""`);
  }
  if (Object.keys(services).length > 0) {
    lines.push('services:', '  # Started on free loopback ports behind a fault proxy; named in the prose.');
    for (const [service, kind] of Object.entries(services)) lines.push(`  ${service}: ${kind}`);
  }
  if (headers.length > 0) {
    lines.push(
      '# Headers named in the prose; an identity sends them for an actor, e.g.',
      '# identities:',
      '#   user:',
      `#     headers: { ${headers.map((header) => `${header}: "{{ … }}"`).join(', ')} }`,
    );
  }
  if (routes.length > 0) lines.push(`# Routes named in the prose: ${routes.join(', ')}.`);
  return { yaml: `${lines.join('\n')}\n`, services, env, routes, headers };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}
