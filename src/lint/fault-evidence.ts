/**
 * Whether a failure mode's check is evidence of what its prose describes. A criterion that says
 * "when PostgreSQL is unreachable" but never makes it unreachable passes against an implementation
 * that never handles the outage: lint asks for the fault, and coverage counts it as unchecked.
 */
import type { Criterion, Spec, Step } from '../ir.js';
import { dependencyKindsOf, OUTAGE } from './dependencies.js';

/**
 * Steps that break a dependency or a process: faults (a toxic in the proxy, or a protocol fault
 * such as `fault: { http: reset }` in the service itself), and stopping, pausing or restarting.
 */
const BREAKING_KINDS: ReadonlySet<Step['kind']> = new Set(['fault', 'protocol-fault', 'service', 'restart']);

export interface UnprovenFailureMode {
  /** The prose naming the outage, e.g. `PostgreSQL is unreachable`. */
  outage: string;
  /** The dependency's label, e.g. `the database`. */
  dependency: string;
  /** Why the criterion is not evidence, for reports. */
  reason: string;
}

/** For a Failure Modes criterion whose prose names a dependency failing and whose steps break nothing. */
export function unprovenFailureMode(spec: Spec, criterion: Criterion): UnprovenFailureMode | undefined {
  if (criterion.section !== 'failure-modes' || !criterion.check) return undefined;
  if (criterion.check.steps.some(breaksSomething)) return undefined;
  const outage = namedOutage(spec, criterion.prose);
  if (!outage) return undefined;
  return {
    ...outage,
    reason: `no step makes ${outage.dependency} fail (no fault, kill, pause or restart), so passing proves nothing about "${outage.outage}"`,
  };
}

function breaksSomething(step: Step): boolean {
  if (BREAKING_KINDS.has(step.kind)) return true;
  const children = (step as { steps?: unknown }).steps;
  return Array.isArray(children) && (children as Step[]).some(breaksSomething);
}

/** The first dependency named near an outage word, and the words between them. */
function namedOutage(spec: Spec, prose: string): { outage: string; dependency: string } | undefined {
  const outageMatch = new RegExp(OUTAGE.source, 'gi');
  for (const kind of dependencyKindsOf(spec)) {
    const names = new RegExp(kind.names.source, 'gi');
    for (const name of prose.matchAll(names)) {
      for (const word of prose.matchAll(outageMatch)) {
        const start = Math.min(name.index, word.index);
        const end = Math.max(name.index + name[0].length, word.index + word[0].length);
        if (end - start <= 60 && !/[.;]/.test(prose.slice(start, end))) {
          return { outage: prose.slice(start, end), dependency: kind.label };
        }
      }
    }
  }
  return undefined;
}
