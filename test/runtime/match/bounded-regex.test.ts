/**
 * A spec's regex that backtracks catastrophically ends with a named error after the bound,
 * instead of hanging the run; ordinary patterns answer as RegExp does.
 */
import { describe, expect, test } from 'vitest';
import {
  boundedRegexTest,
  REGEX_TIME_LIMIT_MS,
  RegexTimeoutError,
} from '../../../src/runtime/match/bounded-regex.js';
import { matchValue } from '../../../src/runtime/match/index.js';
import { selectLogLines } from '../../../src/runtime/probes/index.js';

const EVIL = '^(a+)+$';
const NEAR_MISS = `${'a'.repeat(40)}!`;

describe('bounded regular expressions', () => {
  test('answer as RegExp for ordinary patterns', () => {
    expect(boundedRegexTest('^\\d+\\.\\d+$', '1.25')).toBe(true);
    expect(boundedRegexTest('^\\d+\\.\\d+$', '1.x')).toBe(false);
    expect(boundedRegexTest(EVIL, 'aaaa')).toBe(true);
  });

  test('a catastrophic backtrack ends after the bound with the pattern named', () => {
    const started = performance.now();
    expect(() => boundedRegexTest(EVIL, NEAR_MISS)).toThrow(RegexTimeoutError);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(REGEX_TIME_LIMIT_MS - 50);
    expect(took).toBeLessThan(REGEX_TIME_LIMIT_MS * 3);
    expect(() => boundedRegexTest(EVIL, NEAR_MISS)).toThrow(
      /\/\^\(a\+\)\+\$\/ did not finish within 1000 ms/,
    );
  });

  test('$matches and log matches use the bound', async () => {
    await expect(
      matchValue(NEAR_MISS, { $matches: EVIL }, 'body', { subset: true, numericStrings: false, scope: {} }),
    ).rejects.toThrow(RegexTimeoutError);
    expect(() =>
      selectLogLines([{ at: 1, instance: 0, text: NEAR_MISS, stream: 'stdout' } as never], {
        since: 0,
        matches: EVIL,
      }),
    ).toThrow(RegexTimeoutError);
  });
});
