import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, test } from 'vitest';
import {
  createTempDir,
  isGroupAlive,
  liveGroupMembers,
  removeTempDir,
  spawnInGroup,
  type CapturedLine,
} from '../../../src/runtime/process/index.js';
import { isLive } from './helpers.js';

const shell = (script: string, onLine?: (line: CapturedLine) => void) =>
  spawnInGroup({ file: '/bin/sh', args: ['-c', script], env: process.env, onLine });

describe('spawnInGroup', () => {
  test('captures both streams line by line with timestamps, CRLF and an unfinished last line', async () => {
    const lines: CapturedLine[] = [];
    const before = performance.now();
    const child = shell(`printf 'one\\r\\ntwo\\n'; printf 'err\\n' >&2; sleep 0.05; printf 'three'`, (line) =>
      lines.push(line),
    );
    const exit = await child.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(lines.filter((line) => line.stream === 'stdout').map((line) => line.text)).toEqual([
      'one',
      'two',
      'three',
    ]);
    expect(lines.filter((line) => line.stream === 'stderr').map((line) => line.text)).toEqual(['err']);
    expect(lines.every((line) => line.at >= before && line.at <= performance.now())).toBe(true);
    expect(child.recentLines(2)).toEqual(expect.arrayContaining(['three']));
    expect(child.recentLines(10)).toContain('[stderr] err');
  });

  test('runs in its own process group and stop ends every member', async () => {
    const child = shell('sleep 30 & sleep 30 & wait');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const members = liveGroupMembers(child.pid);
    expect(members).toContain(child.pid);
    expect(members.length).toBe(3);
    expect(isGroupAlive(child.pid)).toBe(true);
    await child.stop(1000);
    expect(members.filter(isLive)).toEqual([]);
    expect(isGroupAlive(child.pid)).toBe(false);
  });

  test('a group that ignores SIGTERM is SIGKILLed after the grace', async () => {
    const child = shell(`trap '' TERM; echo armed; while :; do sleep 0.05; done`);
    while (!child.recentLines(1).includes('armed')) await new Promise((resolve) => setTimeout(resolve, 10));
    const began = performance.now();
    const exit = await child.stop(300);
    const took = performance.now() - began;
    expect(exit.signal).toBe('SIGKILL');
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(2500);
    expect(isGroupAlive(child.pid)).toBe(false);
  });

  test('a stopped (SIGSTOP) group still stops politely', async () => {
    const child = shell('sleep 30');
    child.signal('SIGSTOP');
    const exit = await child.stop(2000);
    expect(exit.signal).toBe('SIGTERM');
  });

  test('a missing binary is an exit status with the error, not a crash', async () => {
    const child = spawnInGroup({ file: '/nonexistent/binary', args: [], env: process.env });
    const exit = await child.exited;
    expect(exit.code).toBeNull();
    expect(exit.error?.message).toMatch(/ENOENT/);
  });
});

describe('temp dirs', () => {
  test('are named specgate-<label>-*, private, and removed', async () => {
    const dir = await createTempDir('unit');
    expect(dirname(dir)).toBe(tmpdir());
    expect(basename(dir)).toMatch(/^specgate-unit-\d+\.\d+-[A-Za-z0-9]{6}$/);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    await removeTempDir(dir);
    expect(existsSync(dir)).toBe(false);
  });
});
