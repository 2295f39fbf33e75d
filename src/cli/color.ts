/**
 * Colour only for a terminal reader: NO_COLOR (https://no-color.org) always wins,
 * FORCE_COLOR turns colour on (or off with `0`/`false`) even when not a TTY.
 */
export function colorEnabled(env: NodeJS.ProcessEnv, stdoutIsTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stdoutIsTTY;
}
