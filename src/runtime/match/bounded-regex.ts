/**
 * Regular expressions from specs (`$matches`, `matches`) run with a time bound: JavaScript's
 * engine backtracks, so a pattern such as `^(a+)+$` takes exponential time on a near miss and
 * would hang the run. Each test runs in a vm context whose timeout interrupts the match; one
 * context and script are reused (a call costs about 0.25 ms).
 */
import { createContext, Script } from 'node:vm';

/** The longest one match may take; a spec's pattern that needs more is refused mid-run. */
export const REGEX_TIME_LIMIT_MS = 1000;

export class RegexTimeoutError extends Error {
  constructor(source: string, length: number) {
    super(
      `the regular expression /${source}/ did not finish within ${REGEX_TIME_LIMIT_MS} ms on a text of ${length} characters: it backtracks catastrophically (nested quantifiers such as (a+)+); rewrite it so each character can be matched one way`,
    );
    this.name = 'RegexTimeoutError';
  }
}

const context = createContext({ source: '', text: '' });
const script = new Script('new RegExp(source).test(text)');

/** `new RegExp(source).test(text)`, or a RegexTimeoutError after REGEX_TIME_LIMIT_MS. */
export function boundedRegexTest(source: string, text: string): boolean {
  Object.assign(context, { source, text });
  try {
    return script.runInContext(context, { timeout: REGEX_TIME_LIMIT_MS }) === true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new RegexTimeoutError(source, text.length);
    throw error;
  } finally {
    Object.assign(context, { source: '', text: '' });
  }
}
