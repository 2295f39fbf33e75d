/**
 * `specgate test --watch` as a spec author uses it: run, edit the spec, see the rerun; a broken edit
 * prints its diagnostic and keeps the old suite; Ctrl-C stops vitest and the target.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { REPO_ROOT, removeProjects } from '../cli/helpers.js';
import { copyGreeter } from './greeter.js';

afterAll(removeProjects);

/** Output of a running child, and a way to wait for a pattern in what comes next. */
function follow(stream: NodeJS.ReadableStream) {
  let text = '';
  let seen = 0;
  const waiters = new Set<() => void>();
  stream.on('data', (chunk: Buffer) => {
    // eslint-disable-next-line no-control-regex
    text += chunk.toString().replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
    for (const wake of waiters) wake();
  });
  return {
    all: () => text,
    /** Resolves with the output since the last match once `pattern` appears in it. */
    next(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const rest = text.slice(seen);
          const match = pattern.exec(rest);
          if (!match) return;
          seen += match.index + match[0].length;
          cleanup();
          resolve(rest.slice(0, match.index + match[0].length));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output so far:\n${text}`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Processes whose working directory is `root`: the targets the watch started there. */
function processesIn(root: string): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n').filter(Boolean);
  return lines.filter((line) => {
    const pid = line.trim().split(/\s+/)[0];
    try {
      return readlinkSync(`/proc/${pid}/cwd`) === root;
    } catch {
      return false; // gone already, or not ours to read
    }
  });
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  // Inside vitest's worker: the child must not think it is one.
  for (const key of ['VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST', 'SPECGATE_TARGET'])
    delete env[key];
  return env;
}

test('--watch reruns a suite when its spec changes, survives a broken edit, and stops on Ctrl-C', async () => {
  const root = await copyGreeter();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/specgate.js'), 'test', '--watch', 'greet'], {
    cwd: root,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = follow(child.stdout);
  const err = follow(child.stderr);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    expect(await out.next(/Tests\s+3 passed \(3\)/)).toContain('generated/greet.test.ts');
    await err.next(/watching specs\//);

    const spec = join(root, 'specs/greet.md');
    const original = await readFile(spec, 'utf8');
    await writeFile(spec, original.replace('greeting: "Hello, {{ name }}!"', 'greeting: "Hi, {{ name }}!"'));
    await err.next(/specs\/greet\.md changed: recompiled generated\/greet\.test\.ts/);
    await out.next(/Tests\s+1 failed \| 2 passed \(3\)/);
    expect(out.all() + err.all()).toContain('expected "Hi, a!" but found "Hello, a!"');

    await writeFile(spec, original.replace('    - send: "GET /hello?name={{ name }}"', '    - send: ["GET'));
    expect(await err.next(/specs\/greet\.md: has errors; nothing was written/)).toMatch(
      /specs\/greet\.md:\d+:\d+/,
    );
    expect(await readFile(join(root, 'generated/greet.test.ts'), 'utf8')).toContain('Hi, {{ name }}!');

    await writeFile(spec, original);
    await out.next(/Tests\s+3 passed \(3\)/);
  } finally {
    child.kill('SIGINT');
  }
  // vitest owns Ctrl-C in watch mode: 130, or 1 once a run has failed.
  expect([1, 130]).toContain(await exited);
  await expect.poll(() => processesIn(root), { timeout: 10_000, interval: 200 }).toEqual([]);
}, 120_000);
