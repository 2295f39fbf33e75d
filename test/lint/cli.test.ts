/** `specgate lint` options: formats, severities from flags and specgate.lint.json, exit codes, --suggest. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { lintProject } from '../../src/cli/commands/lint.js';
import { addLintOptions } from '../../src/cli/commands/options.js';
import type { LintOptions } from '../../src/cli/commands/options.js';
import { createContext } from '../../src/cli/context.js';
import { CliError } from '../../src/cli/errors.js';

const SPEC = `---
spec: a
target:
  command: node server.js
---

# A

## Goal

It must be fast.

## Acceptance

- **AC-1 ok**: \`GET /x\` answers 200.
`;

let root = '';

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'specgate-lint-'));
  await mkdir(join(root, 'specs'));
  await writeFile(join(root, 'specs', 'a.md'), SPEC);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function lint(options: LintOptions, config?: string) {
  if (config !== undefined) await writeFile(join(root, 'specgate.lint.json'), config);
  let stdout = '';
  let stderr = '';
  const context = createContext({
    root,
    verbose: false,
    color: false,
    io: {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      env: {},
      stdoutIsTTY: false,
    },
  });
  const exitCode = await lintProject(context, [], options);
  return { exitCode, stdout, stderr };
}

interface JsonFinding {
  code: string;
  rule?: string;
  severity: string;
  line: number;
  column: number;
}

function findings(stdout: string): JsonFinding[] {
  const [file] = JSON.parse(stdout) as Array<{ file: string; findings: JsonFinding[] }>;
  expect(file?.file).toBe('specs/a.md');
  return file?.findings ?? [];
}

test('json: one document, findings with rule ids, lines and columns; warnings exit 0', async () => {
  const { exitCode, stdout } = await lint({ format: 'json' });
  expect(exitCode).toBe(0);
  const vague = findings(stdout).filter((f) => f.rule === 'vague-prose');
  expect(vague).toEqual([
    expect.objectContaining({ code: 'SG6008', severity: 'warning', line: 11, column: 12 }),
  ]);
  expect(findings(stdout).some((f) => f.rule === 'not-executable-criterion' && f.line === 15)).toBe(true);
});

test('github: workflow annotations with file, line and column', async () => {
  const { exitCode, stdout } = await lint({ format: 'github' });
  expect(exitCode).toBe(0);
  const lines = stdout.trimEnd().split('\n');
  expect(
    lines.every((line) => /^::(warning|error|notice) file=specs\/a\.md,line=\d+,col=\d+,/.test(line)),
  ).toBe(true);
  expect(lines).toContain(
    '::warning file=specs/a.md,line=11,col=12,endLine=11,endColumn=16,title=SG6008 vague-prose::"fast": how fast, as a number: within how many ms, at which percentile?',
  );
});

test('--rule id=error turns a finding into an error: exit 2', async () => {
  const { exitCode, stdout, stderr } = await lint({ format: 'json', rule: ['vague-prose=error'] });
  expect(exitCode).toBe(2);
  expect(findings(stdout).find((f) => f.rule === 'vague-prose')?.severity).toBe('error');
  expect(stderr).toContain('1 error in 1 spec');
});

test('specgate.lint.json turns a rule off, and --rule overrides the file', async () => {
  const off = await lint({ format: 'json' }, '{ "rules": { "vague-prose": "off" } }');
  expect(findings(off.stdout).some((f) => f.rule === 'vague-prose')).toBe(false);
  const back = await lint({ format: 'json', rule: ['vague-prose=warning'] });
  expect(findings(back.stdout).some((f) => f.rule === 'vague-prose')).toBe(true);
});

test('unknown rules and settings are usage errors', async () => {
  await expect(lint({ rule: ['no-such-rule=off'] })).rejects.toThrow(CliError);
  await expect(lint({ rule: ['vague-prose=loud'] })).rejects.toThrow(
    /expected one of off, info, warning, error/,
  );
  await expect(lint({}, '{ "rules": [] }')).rejects.toThrow(/specgate\.lint\.json/);
});

test('stylish prints code frames and the summary; --suggest adds a phrase to define', async () => {
  const { exitCode, stdout } = await lint({ suggest: true });
  expect(exitCode).toBe(0);
  expect(stdout).toContain('specs/a.md:11:12 warning SG6008 "fast"');
  expect(stdout).toContain('specs/a.md: AC-1 has a clause no phrase matches; a phrase to define:\n```yaml\n');
  expect(stdout).toContain('  "{route} answers {int}":\n');
  expect(stdout).toContain('      - send: <1>\n        expect:\n          status: <2>\n');
  expect(stdout).toMatch(/specs\/a\.md: 1 criteria, 0 executable, 1 not executable; 0 errors, \d+ warnings/);
});

test('a draft missing required sections is linted and exits 2 for the parse error', async () => {
  await writeFile(join(root, 'specs', 'a.md'), SPEC.replace(/## Acceptance[\s\S]*$/, ''));
  const { exitCode, stdout } = await lint({ format: 'json' });
  expect(exitCode).toBe(2);
  const codes = findings(stdout).map((f) => f.code);
  expect(codes).toContain('SG1003');
  expect(codes).toContain('SG6008');
});

test('addLintOptions declares --format, repeatable --rule and --suggest on the lint command', async () => {
  let seen: unknown;
  const program = new Command().exitOverride();
  addLintOptions(program.command('lint').argument('[spec...]')).action(
    (_specs: string[], options: unknown) => {
      seen = options;
    },
  );
  await program.parseAsync(
    ['lint', '--format', 'github', '--rule', 'a=off', '--rule', 'b=error', '--suggest'],
    {
      from: 'user',
    },
  );
  expect(seen).toEqual({ format: 'github', rule: ['a=off', 'b=error'], suggest: true });
  await expect(
    program.configureOutput({ writeErr: () => {} }).parseAsync(['lint', '--format', 'xml'], { from: 'user' }),
  ).rejects.toThrow(/xml/);
});

test('a missing section is asked about once: the question, not also the parser warning', async () => {
  const missing = ['Inputs / Outputs', 'Constraints', 'Failure Modes', 'Out of Scope'];
  const asked = findings((await lint({ format: 'json' })).stdout);
  expect(asked.filter((f) => f.code === 'SG1004')).toEqual([]);
  expect(asked.filter((f) => f.rule === 'missing-or-empty-section')).toHaveLength(missing.length);

  // With the rule off, the parser's warning is the one left.
  const plain = findings((await lint({ format: 'json', rule: ['missing-or-empty-section=off'] })).stdout);
  expect(plain.filter((f) => f.code === 'SG1004')).toHaveLength(missing.length);
});
