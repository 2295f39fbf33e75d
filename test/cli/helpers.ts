/** Temp projects and a spawned `node bin/specgate.js`, as a user runs it. */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO_ROOT, 'bin/specgate.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const created: string[] = [];

export async function makeProject(files: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'specgate-cli-'));
  created.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

export async function removeProjects(): Promise<void> {
  await Promise.all(created.splice(0).map((root) => rm(root, { recursive: true, force: true })));
}

/** Runs the CLI in `cwd` with a clean colour environment unless `env` says otherwise. */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'NO_COLOR',
    'FORCE_COLOR',
    'SPECGATE_TARGET',
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'TEST',
  ]) {
    delete env[key];
  }
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Runs `main` in this process (no process start-up: most CLI tests use this); `--cwd` points it
 * at the project. Output is captured; colour follows `env` as in a spawned run without a TTY.
 */
export async function runMain(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(['--cwd', options.cwd, ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    stdoutIsTTY: false,
  });
  return { code, stdout, stderr };
}

/** Every file under `dir` with its bytes, for byte-for-byte comparisons. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    snapshot[path.slice(dir.length + 1)] = (await readFile(path)).toString('base64');
  }
  return snapshot;
}

/** A small valid spec in the format of specs/*.md. */
export function validSpec(name: string, options: { criteria?: string[] } = {}): string {
  const criteria = options.criteria ?? [
    [
      `- **AC-1 ping**: \`GET /ping\` answers 200.`,
      '  ```yaml',
      '  steps:',
      '    - send: GET /ping',
      '      expect: { status: 200 }',
      '  ```',
    ].join('\n'),
    '- **AC-2 friendly**: the answers are friendly.',
  ];
  return `---
spec: ${name}
target:
  command: node server.js
  ready: /healthz
---

# The ${name} service

## Goal

Answer pings.

## Inputs / Outputs

- \`GET /ping\` answers 200.

## Constraints

Nothing else.

## Failure Modes

None known.

## Out of Scope

- Everything else.

## Acceptance

${criteria.join('\n')}
`;
}

/** A spec with an error the parser must report: the block of AC-1 is not valid YAML. */
export function brokenSpec(name: string): string {
  return validSpec(name, {
    criteria: [
      ['- **AC-1 broken**: the yaml is broken.', '  ```yaml', '  steps: [unclosed', '  ```'].join('\n'),
    ],
  });
}
