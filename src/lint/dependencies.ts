/**
 * The words a spec uses for its dependencies and for their failing, shared by the rules that ask
 * whether each dependency has a failure mode and whether a failure mode really breaks one.
 */
import type { ServiceKind, Spec } from '../ir.js';

/** A kind of dependency, the words that name it, and how a question calls it. */
export interface DependencyKind {
  label: string;
  names: RegExp;
}

export const DEPENDENCY_KINDS: readonly DependencyKind[] = [
  { label: 'Redis', names: /\bredis\b/gi },
  { label: 'the database', names: /\b(?:postgres(?:ql)?|database|db|mysql|sqlite)\b/gi },
  { label: 'the queue', names: /\b(?:queues?|kafka|rabbitmq|sqs)\b/gi },
  { label: 'the cache', names: /\b(?:cache|memcached?)\b/gi },
  { label: 'S3', names: /\b(?:s3|object storage|bucket)\b/gi },
  {
    label: 'the external API',
    names:
      /\b(?:(?:external|third[-\s]party|upstream|remote|partner)\s+(?:api|service)|http\s+api|webhooks?)\b/gi,
  },
];

const SERVICE_KIND_LABEL: Partial<Record<ServiceKind, string>> = { redis: 'Redis', postgres: 'the database' };

/** Redis and PostgreSQL have their kind's words; any other service is named by its name ("the provider"). */
export function serviceDependency(name: string, kind: ServiceKind): DependencyKind | undefined {
  const label = SERVICE_KIND_LABEL[kind];
  if (label !== undefined) return DEPENDENCY_KINDS.find((candidate) => candidate.label === label);
  const words = name.replace(/[-_]+/g, ' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { label: `the ${words} service`, names: new RegExp(`\\b(?:${words})\\b`, 'gi') };
}

/** The spec's services' words, then every known kind's. */
export function dependencyKindsOf(spec: Spec): DependencyKind[] {
  const fromServices = Object.entries(spec.config.services).flatMap(([name, service]) => {
    const kind = serviceDependency(name, service.kind);
    return kind ? [kind] : [];
  });
  return [...fromServices, ...DEPENDENCY_KINDS];
}

/** Words that say a failure mode is about the dependency failing. */
export const OUTAGE =
  /\b(?:down|unreachable|unavailable|outage|refuses?|refused|resets?|timeouts?|times?\s+out|slow|fails?|failing|failure|dies|killed|crash(?:es)?|errors?|erroring|never\s+answers|drops?|lost|blackhol\w*)\b/i;
