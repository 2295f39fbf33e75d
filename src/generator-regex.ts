/**
 * The regular expressions behind `pattern` and `string` generators: one definition shared by the
 * parser, which refuses what fast-check cannot generate from, and the runtime, which generates.
 * The `u` flag makes a character a code point, so lengths and classes count code points.
 */

/** A `pattern` generator's values match the pattern in full (fast-check's stringMatching matches anywhere otherwise). */
export function patternRegex(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'u');
}

/** A `string` generator: `chars` as a character class body (`a-z0-9_`), repeated within the length bounds. */
export function charsRegex(chars: string, minLength: number, maxLength: number): RegExp {
  return new RegExp(`^[${chars}]{${minLength},${maxLength}}$`, 'u');
}
