import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { STARTER_SERVER_FILE, starterServer, starterSpec } from '../../src/cli/starter-spec.js';
import { makeProject, REPO_ROOT, removeProjects, runCli, runMain, validSpec } from './helpers.js';

afterAll(removeProjects);

const ANSI = new RegExp(String.fromCharCode(27) + '\\[');

describe('specgate (global)', () => {
  test('--help lists the commands and documents the exit codes', async () => {
    const result = await runCli(['--help'], { cwd: await makeProject() });
    expect(result.code).toBe(0);
    for (const word of [
      'init',
      'lint',
      'compile',
      'check',
      'test',
      '--cwd',
      '--verbose',
      '--version',
      'Exit codes:',
    ]) {
      expect(result.stdout).toContain(word);
    }
  });

  test('every command has --help with the global options and exit codes', async () => {
    const cwd = await makeProject();
    const results = await Promise.all(
      ['init', 'lint', 'compile', 'check', 'test'].map((name) => runMain([name, '--help'], { cwd })),
    );
    for (const result of results) {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('--cwd');
      expect(result.stdout).toContain('Exit codes:');
    }
    expect(results[4]?.stdout).toMatch(
      /--target <cmd\|url>[\s\S]*--seed[\s\S]*--path[\s\S]*--runs[\s\S]*--criterion/,
    );
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      version: string;
    };
    const result = await runCli(['--version'], { cwd: await makeProject() });
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  test('a usage error exits 2 without a stack trace', async () => {
    const cwd = await makeProject();
    const unknown = await runCli(['compiel'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('compiel');
    const missing = await runMain(['compile', 'specs/nope.md'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('specs/nope.md: no such spec file');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('specgate init', () => {
  test('writes the starter spec and its server, which lint clean, and never overwrites', async () => {
    const cwd = await makeProject();
    const first = await runMain(['init'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created specs/visits.md');
    expect(first.stdout).toContain(`created ${STARTER_SERVER_FILE}`);
    expect(await readFile(join(cwd, 'specs/visits.md'), 'utf8')).toBe(starterSpec('visits', 'redis'));
    expect(await readFile(join(cwd, STARTER_SERVER_FILE), 'utf8')).toBe(starterServer('redis'));

    const lint = await runMain(['lint'], { cwd });
    expect(lint.stdout).toContain('specs/visits.md: 4 criteria, 3 executable, 1 not executable; 0 errors');
    expect(lint.code).toBe(0);

    const again = await runMain(['init'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('specs/visits.md already exists; name a new spec instead');
  });

  test('adds a named spec to a project that has specs, leaving theirs and the server alone', async () => {
    const cwd = await makeProject({ 'specs/mine.md': 'my spec', [STARTER_SERVER_FILE]: 'mine' });
    const result = await runCli(['--cwd', cwd, 'init', 'specs/orders.md', '--service', 'postgres'], {
      cwd: await makeProject(),
    });
    expect(result.code).toBe(0);
    expect(await readFile(join(cwd, 'specs/orders.md'), 'utf8')).toBe(starterSpec('orders', 'postgres'));
    expect(result.stdout).toContain(`kept ${STARTER_SERVER_FILE}`);
    expect(await readFile(join(cwd, 'specs/mine.md'), 'utf8')).toBe('my spec');
    expect(await readFile(join(cwd, STARTER_SERVER_FILE), 'utf8')).toBe('mine');

    const outside = await runMain(['init', '../orders.md'], { cwd });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('expected a new spec file under specs/');
    const service = await runMain(['init', 'specs/x.md', '--service', 'mongo'], { cwd });
    expect(service.code).toBe(2);
  });
});

describe('specgate init --from', () => {
  // The essay's spec, as users paste it (../shared sits beside the repository).
  const essay = readFileSync(join(REPO_ROOT, '../shared/background/spec-driven-development.txt'), 'utf8');
  const spec = essay.slice(
    essay.indexOf('# Feature: Per-User API Rate Limiting'),
    essay.indexOf('Hand an agent that spec'),
  );

  test('writes the front matter the prose implies above the spec, every line of it unchanged', async () => {
    const prose = `${spec.trimEnd()}\n\nEnv: \`RATE_LIMIT_WINDOW_MS\`; \`GET /api/ping\` with \`X-User-Id\`.\n`;
    const cwd = await makeProject({ 'specs/essay.md': prose });
    const result = await runMain(['init', '--from', 'specs/essay.md'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'wrote a front matter into specs/essay.md (1 service(s), 1 env var(s), 1 route(s)',
    );
    const written = await readFile(join(cwd, 'specs/essay.md'), 'utf8');
    const match = /^---\n([\s\S]*?)---\n\n/.exec(written);
    expect(match).not.toBeNull();
    expect(written.slice(match![0].length)).toBe(prose);
    const front = parseYaml(match![1]!) as Record<string, unknown>;
    expect(front).toMatchObject({
      spec: 'essay',
      services: { redis: 'redis' },
      target: { ready: '/healthz', env: { RATE_LIMIT_WINDOW_MS: '' } },
    });
    expect(match![1]).toContain('# Routes named in the prose: GET /api/ping.');
    expect(match![1]).toContain('X-User-Id: "{{ … }}"');

    const again = await runMain(['init', '--from', 'specs/essay.md'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('specs/essay.md already has front matter');
    expect(await readFile(join(cwd, 'specs/essay.md'), 'utf8')).toBe(written);
  });
});

describe('colour', () => {
  test('FORCE_COLOR colours output; NO_COLOR wins over it; none when not a TTY', async () => {
    const cwd = await makeProject({ 'specs/svc.md': validSpec('svc') });
    const forced = await runCli(['lint'], { cwd, env: { FORCE_COLOR: '1' } });
    const both = await runCli(['lint'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    const plain = await runMain(['lint'], { cwd });
    expect(forced.stdout).toMatch(ANSI);
    expect(both.stdout).not.toMatch(ANSI);
    expect(plain.stdout).not.toMatch(ANSI);
    expect(both.stdout).toContain('warning');
  });
});
