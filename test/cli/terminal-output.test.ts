/** What reaches the terminal from a hostile spec: its control characters, and its file name's, escaped. */
import { afterAll, describe, expect, test } from 'vitest';
import { makeProject, removeProjects, runCli, runMain, validSpec } from './helpers.js';

afterAll(removeProjects);

/* eslint-disable no-control-regex -- the tests look for control characters */
const SGR = /\u001b\[[0-9;]*m/g;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */

/** A spec whose step has the key `'statuz<ESC>[2J'` (it would clear the screen): an unknown key. */
function escSpec(name: string): string {
  return validSpec(name, {
    criteria: [
      [
        '- **AC-1 ping**: `GET /ping` answers 200.',
        '  ```yaml',
        '  steps:',
        '    - send: GET /ping',
        "      expect: { 'statuz\u001b[2J': 200 }",
        '  ```',
      ].join('\n'),
    ],
  });
}

// A file name holds no slash: the forged line names a file beside the specs.
const FORGED = 'README.md:1:1 error SG0000 forged';
const HOSTILE_FILE = `specs/a\n${FORGED}\n$(touch pwned).md`;
const SHOWN_FILE = `specs/a\\n${FORGED}\\n$(touch pwned).md`;

describe('lint of a spec with an ESC in a key, in a file whose name has newlines and $(…)', async () => {
  const root = await makeProject({ 'specs/esc.md': escSpec('esc'), [HOSTILE_FILE]: escSpec('hostile') });

  test.each([
    ['NO_COLOR', { NO_COLOR: '1' }],
    ['FORCE_COLOR', { FORCE_COLOR: '1' }],
  ])('with %s: every control character is shown escaped, no line is forged', async (_, env) => {
    const { code, stdout, stderr } = await runMain(['lint'], { cwd: root, env });
    expect(code).toBe(2);
    const output = `${stdout}${stderr}`;
    if ('NO_COLOR' in env) expect(output).not.toContain('\u001b');
    const plain = output.replace(SGR, '');
    expect(plain).not.toMatch(CONTROL_BUT_LINES);
    expect(plain).toContain(`unknown key "statuz\\x1b[2J"`);
    expect(plain).toContain(`${SHOWN_FILE}:36:17 error SG3004`);
    expect(plain).toContain(`specs/esc.md:36:17 error SG3004`);
    expect(plain.split('\n').filter((line) => line.startsWith(FORGED))).toEqual([]);
  });

  test('the installed command (bin/specgate.js) writes the same escapes', async () => {
    const { code, stdout } = await runCli(['lint', 'specs/esc.md'], { cwd: root, env: { NO_COLOR: '1' } });
    expect(code).toBe(2);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain("expect: { 'statuz\\x1b[2J': 200 }");
  });
});
