/**
 * Text that reaches a terminal from outside specgate (spec text, file names, what an
 * implementation answered) with its control characters shown as escapes (`\x1b`, `\n`,
 * `\u202e`): a spec cannot clear the screen, retitle the window, hide text or forge a line of
 * output. Escaped are C0 controls, DEL, C1 controls (0x9b is a one-byte CSI), the bidirectional
 * overrides and isolates (text shown in another order than it is), and the Unicode line and
 * paragraph separators. A backslash is not escaped: the escapes are for reading, not parsing.
 */

/* eslint-disable no-control-regex -- matching control characters is the point */

/** Every character escaped in one line of output: a file name, a message. */
const LINE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** In text of several lines, newlines and tabs keep their meaning. */
const TEXT_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What the CLI writes in color: its own colors (SGR sequences, `ESC [ … m`) pass, any other escape is shown. */
const COLORED_OUTPUT_UNSAFE =
  /\u001b(?!\[[0-9;]*m)|[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/* eslint-enable no-control-regex */

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCharacter(character: string): string {
  const named = NAMED[character];
  if (named !== undefined) return named;
  const code = character.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of output: every control character escaped, newlines and tabs included. */
export function escapeLine(text: string): string {
  return text.replace(LINE_UNSAFE, escapeCharacter);
}

/** Text of several lines: line ends become `\n` and stay, tabs stay, every other control character is escaped. */
export function escapeText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(TEXT_UNSAFE, escapeCharacter);
}

/**
 * The last guard before stdout and stderr: `escapeText`, except that with `colors` the color
 * sequences specgate writes itself pass. A color a spec smuggles in then passes too: it can
 * style text, never move the cursor, clear the screen or end a line.
 */
export function escapeOutput(text: string, options: { colors: boolean }): string {
  if (!options.colors) return escapeText(text);
  return text.replace(/\r\n/g, '\n').replace(COLORED_OUTPUT_UNSAFE, escapeCharacter);
}
