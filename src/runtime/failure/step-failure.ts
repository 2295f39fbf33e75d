/** The error a step throws when the implementation does not do what the spec says. */
import type { Place } from '../../ir.js';

export function formatPlace(place: Place | undefined): string {
  return place ? `${place.file}:${place.start.line}` : '(unknown place)';
}

export class StepFailure extends Error {
  override readonly name = 'StepFailure';

  constructor(
    /** Where in the spec the failing step (or invariant) is written. */
    readonly place: Place | undefined,
    /** One sentence: what the step did and what went wrong. */
    readonly summary: string,
    /** Expected-versus-found lines, most precise first. */
    readonly details: readonly string[] = [],
  ) {
    super([`${summary} (${formatPlace(place)})`, ...details.map((line) => `  ${line}`)].join('\n'));
  }
}
