/**
 * `specgate mcp` as an agent meets it: the SDK's own Client over stdio, spawning
 * `node bin/specgate.js mcp` in this repository, against the bundled view counter and its
 * fail-closed variant (real memcached, real servers). Tools, resources, progress, and a
 * cancelled run that leaves no process behind.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunReport } from '../../src/report/model.js';
import { REPO_ROOT } from './helpers.js';

const VARIANT = 'node examples/view-counter/variants/fail-closed.mjs';
const LONG = { timeout: 280_000, resetTimeoutOnProgress: true };

let client: Client;
let transport: StdioClientTransport;
let reportDir = '';
let stderr = '';

beforeAll(async () => {
  reportDir = await mkdtemp(join(tmpdir(), 'specgate-mcp-'));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(VITEST|TEST$|SPECGATE_|NO_COLOR|FORCE_COLOR)/.test(entry[0]),
    ),
  );
  transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(REPO_ROOT, 'bin/specgate.js'), 'mcp', '--report-dir', reportDir],
    cwd: REPO_ROOT,
    env,
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  client = new Client({ name: 'specgate-test', version: '1.0.0' });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client?.close();
  await rm(reportDir, { recursive: true, force: true });
});

function text(result: unknown): string {
  return (result as CallToolResult).content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

/** Processes whose command line contains `marker`, by pid. */
async function processesWith(marker: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.replaceAll('\0', ' ').includes(marker)) found.push(Number(entry));
  }
  return found;
}

/** `pid: command line`, so a process left behind says what it is. */
async function commandLine(pid: number): Promise<string> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '(gone)');
  return `${pid}: ${cmdline.replaceAll('\0', ' ').trim()}`;
}

/** Live descendants of `pid` (zombies excluded). */
async function descendantsOf(pid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] !== undefined && fields[0] !== 'Z') parents.set(Number(entry), Number(fields[1]));
  }
  const found: number[] = [];
  const walk = (parent: number): void => {
    for (const [child, of] of parents) {
      if (of !== parent) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 200));
    value = await probe();
  }
  return value;
}

describe('specgate mcp', () => {
  test('lists its tools with schemas, and the specs and last report as resources', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'compile',
      'explain',
      'lint',
      'report',
      'suggest',
      'test',
    ]);
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(80);
      expect(tool.inputSchema.type).toBe('object');
    }
    const testTool = tools.find((tool) => tool.name === 'test')!;
    expect(Object.keys(testTool.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['specs', 'criterion', 'target', 'seed']),
    );
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toEqual(
      expect.arrayContaining(['specgate://report/last', 'specgate://specs/view-counter']),
    );
    const spec = await client.readResource({ uri: 'specgate://specs/view-counter' });
    const contents = spec.contents[0] as { text: string };
    expect(contents.text).toBe(await readFile(join(REPO_ROOT, 'specs/view-counter.md'), 'utf8'));
  });

  test('lint, compile, suggest and explain answer as the CLI does', async () => {
    const lint = await client.callTool({ name: 'lint', arguments: { specs: ['view-counter'] } });
    expect(lint.isError).toBeFalsy();
    expect(lint.structuredContent).toMatchObject({ errors: 0, files: [{ file: 'specs/view-counter.md' }] });

    const compile = await client.callTool({
      name: 'compile',
      arguments: { specs: ['specs/view-counter.md'] },
    });
    expect(text(compile)).toMatch(/^compiled 1 spec\(s\): /);
    expect(compile.structuredContent).toMatchObject({ suites: ['generated/view-counter.test.ts'] });

    const page = await client.callTool({ name: 'explain', arguments: { subject: 'SG1007' } });
    expect(text(page)).toMatch(/^SG1007 \(error\): /);
    expect(text(page)).toContain('Fix: ');

    const unknown = await client.callTool({
      name: 'suggest',
      arguments: { spec: 'view-counter', criterion: 'AC-99' },
    });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toContain('AC-99: no criterion with this id in specs/view-counter.md');
  });

  test('test judges the fail-closed variant: verdicts, evidence, progress, and the report it saves', async () => {
    const progress: Array<{ progress: number; total?: number; message?: string }> = [];
    const result = await client.callTool(
      { name: 'test', arguments: { specs: ['view-counter'], target: VARIANT } },
      undefined,
      { ...LONG, onprogress: (event) => progress.push(event) },
    );
    expect(result.isError).toBeFalsy();
    const output = text(result);
    expect(output).toMatch(/^FAIL FM-1 cache-down \(Failure Modes\) specs\/view-counter\.md:\d+$/m);
    expect(output).toContain('  fault in force: cache: kill');
    expect(output).toMatch(/^specgate: 4 passed, 2 failed, 0 not executable, 0 skipped of 6 criteria /m);
    const summary = result.structuredContent as {
      passed: boolean;
      totals: { passed: number; failed: number };
      criteria: Array<{ id: string; verdict: string; failure?: { replay: string; faults: string[] } }>;
    };
    expect(summary.passed).toBe(false);
    expect(summary.totals).toMatchObject({ passed: 4, failed: 2 });
    const verdicts = Object.fromEntries(summary.criteria.map((c) => [c.id, c.verdict]));
    expect(verdicts).toEqual({
      'C-1': 'passed',
      'C-2': 'passed',
      'FM-1': 'failed',
      'FM-2': 'failed',
      'AC-1': 'passed',
      'AC-2': 'passed',
    });
    const fm1 = summary.criteria.find((c) => c.id === 'FM-1')!;
    expect(fm1.failure?.faults).toEqual([expect.stringMatching(/fault cache: kill$/)]);
    expect(fm1.failure?.replay).toContain(`--criterion FM-1 --seed`);

    // One notification per criterion, counting up.
    expect(progress.map((event) => event.progress)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.at(-1)?.total).toBe(6);
    expect(progress.some((event) => event.message?.startsWith('failed: FM-1 cache-down'))).toBe(true);

    const report = await client.callTool({ name: 'report', arguments: {} });
    const saved = JSON.parse(text(report)) as RunReport;
    expect(saved.target).toBe(VARIANT);
    expect(saved.totals).toMatchObject({ passed: 4, failed: 2 });
    const resource = await client.readResource({ uri: 'specgate://report/last' });
    expect(JSON.parse((resource.contents[0] as { text: string }).text)).toEqual(saved);

    const explained = await client.callTool({
      name: 'explain',
      arguments: { subject: 'FM-1', spec: 'view-counter' },
    });
    expect(text(explained)).toMatch(/^FM-1 cache-down \(Failure Modes\) specs\/view-counter\.md:\d+:\d+/);
    expect(text(explained)).toMatch(/service: cache\n\s+action: kill/);
    expect(text(explained)).toMatch(/^Last verdict: failed \(/m);
    expect(text(explained)).toContain('POST /pages/home: status: expected 200 but found 503');
  }, 300_000);

  test('cancelling a run stops it and every process it started', async () => {
    const marker = `mcp-cancel-${process.pid}-${Date.now()}`;
    const controller = new AbortController();
    let started = false;
    const call = client.callTool(
      {
        name: 'test',
        arguments: { specs: ['view-counter'], target: `node examples/view-counter/server.mjs ${marker}` },
      },
      undefined,
      {
        ...LONG,
        signal: controller.signal,
        onprogress: () => {
          started = true;
          controller.abort('enough');
        },
      },
    );
    await expect(call).rejects.toThrow();
    expect(started).toBe(true);
    const ended = await eventually(
      async () => stderr,
      (log) => log.includes('test run cancelled'),
      120_000,
    );
    expect(ended).toMatch(/test run cancelled \([1-5] criteria judged\)/);
    // Stopping gives targets and services a grace period before SIGKILL, which a loaded machine
    // stretches: wait well past it (10 s failed once with two test runs on 2 cores).
    expect(
      await eventually(
        () => processesWith(marker),
        (pids) => pids.length === 0,
        20_000,
      ),
    ).toEqual([]);
    // The vitest workers go last, after their hooks stopped what they started: give them longer.
    // esbuild's service process is the server's own: vite starts it in the server process on its
    // first transform and every later run reuses it, so it lives as long as the server, never more
    // than one. Everything else a run started must be gone.
    const isEsbuildService = (line: string): boolean => /\/esbuild --service=\S+ --ping$/.test(line);
    const left = await eventually(
      async () =>
        (await Promise.all((await descendantsOf(transport.pid!)).map(commandLine))).filter(
          (line) => !line.endsWith('(gone)'),
        ),
      (lines) => lines.every(isEsbuildService) && lines.length <= 1,
      45_000,
    );
    expect(left.filter((line) => !isEsbuildService(line))).toEqual([]);
    expect(left.length).toBeLessThanOrEqual(1);

    // The server goes on serving.
    const page = await client.callTool({ name: 'explain', arguments: { subject: 'SG1007' } });
    expect(text(page)).toMatch(/^SG1007/);
  }, 300_000);
});
