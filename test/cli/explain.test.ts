/** `specgate explain`: a code's page, a criterion's meaning and its last verdict from report.json. */
import { afterAll, describe, expect, test } from 'vitest';
import { makeProject, removeProjects, runMain } from './helpers.js';

afterAll(removeProjects);

const SPEC = `---
spec: ping
target: { command: node server.mjs }
---

# Ping

## Goal

Answer pings.

## Acceptance

- **AC-1 pong**: \`GET /ping\` answers 200.

  \`\`\`yaml
  steps:
    - send: GET /ping
      expect: { status: 200 }
  \`\`\`

- **AC-2**: it is pleasant to use.
`;

const REPORT = {
  createdAt: '2026-12-07T09:00:00.000Z',
  specs: [
    {
      file: 'specs/ping.md',
      sections: [
        {
          criteria: [
            {
              id: 'AC-1',
              verdict: 'failed',
              failure: {
                message: 'status: expected 200, found 503',
                faults: ['+12ms down redis'],
                transcript: ['+15ms GET /ping → 503 {"error":"unavailable"}'],
                logs: [],
                replay: 'specgate test specs/ping.md --criterion AC-1 --seed 7',
              },
            },
          ],
        },
      ],
    },
  ],
};

describe('specgate explain', () => {
  test('a catalogue code prints its meaning, example and fix', async () => {
    const root = await makeProject();
    const { code, stdout } = await runMain(['explain', 'sg1007'], { cwd: root });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^SG1007 \(error\): list item in "\{section\}" has no criterion id\n/);
    expect(stdout).toContain('Example:\n\n    ## Acceptance');
    expect(stdout).toContain('Fix: ');
  });

  test("a lint rule's code prints its docs page", async () => {
    const root = await makeProject();
    const { code, stdout } = await runMain(['explain', 'SG6008'], { cwd: root });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# vague-prose \(SG6008\)/);
  });

  test('an unknown code is a usage error naming the closest', async () => {
    const root = await makeProject();
    const { code, stderr } = await runMain(['explain', 'SG1999'], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toContain('SG1999: no such diagnostic code; did you mean SG1009?');
  });

  test('a criterion prints its place, prose, steps and last verdict', async () => {
    const root = await makeProject({
      'specs/ping.md': SPEC,
      'specgate-report/report.json': JSON.stringify(REPORT),
    });
    const { code, stdout } = await runMain(['explain', 'ping', 'AC-1'], { cwd: root });
    expect(code).toBe(0);
    expect(stdout).toContain('AC-1 pong (Acceptance) specs/ping.md:14:1');
    expect(stdout).toContain('    steps:\n      - kind: send\n        method: GET\n        path: /ping');
    expect(stdout).not.toContain('place');
    expect(stdout).toContain('Last verdict: failed (specgate-report/report.json, 2026-12-07T09:00:00.000Z)');
    expect(stdout).toContain('status: expected 200, found 503');
    expect(stdout).toContain('+12ms down redis');
    expect(stdout).toContain('replay: specgate test specs/ping.md --criterion AC-1 --seed 7');
  });

  test('a lone id is found in the one spec that has it; prose only says not executable; json', async () => {
    const root = await makeProject({ 'specs/ping.md': SPEC });
    const { code, stdout } = await runMain(['explain', 'AC-2', '--format', 'json'], { cwd: root });
    expect(code).toBe(0);
    const explanation = JSON.parse(stdout) as Record<string, unknown>;
    expect(explanation).toMatchObject({ spec: 'specs/ping.md', id: 'AC-2', section: 'Acceptance' });
    expect(explanation.check).toBeUndefined();
    expect(explanation.notExecutable).toEqual(expect.any(String));
    expect(explanation.last).toBeUndefined();
  });

  test('an unknown criterion names the closest id', async () => {
    const root = await makeProject({ 'specs/ping.md': SPEC });
    const { code, stderr } = await runMain(['explain', 'specs/ping.md', 'AC-3'], { cwd: root });
    expect(code).toBe(2);
    expect(stderr).toContain('AC-3: no criterion with this id in specs/ping.md; did you mean AC-1?');
  });
});
