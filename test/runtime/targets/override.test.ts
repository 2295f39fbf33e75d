import { describe, expect, test } from 'vitest';
import type { CliTarget, CommandTarget, TargetConfig } from '../../../src/ir.js';
import { resolveTargetOverride, startTarget } from '../../../src/runtime/targets/index.js';
import { projectRoot } from '../process/helpers.js';

const command: CommandTarget = {
  kind: 'command',
  command: 'node examples/app.js',
  env: { LEVEL: 'debug' },
  ready: { http: '/healthz' },
  readyTimeout: 4000,
  stopGrace: 500,
};
const cli: CliTarget = { kind: 'cli', command: 'node tool.js', env: { A: '1' } };

describe('resolveTargetOverride', () => {
  test.each<[string, TargetConfig, TargetConfig]>([
    ['http://127.0.0.1:8080', command, { kind: 'url', url: 'http://127.0.0.1:8080' }],
    ['HTTPS://example.test/base', cli, { kind: 'url', url: 'HTTPS://example.test/base' }],
    [
      'module:src/app.ts#createApp',
      command,
      { kind: 'module', module: 'src/app.ts', export: 'createApp', env: { LEVEL: 'debug' } },
    ],
    [
      'module:src/app.ts',
      command,
      { kind: 'module', module: 'src/app.ts', export: 'default', env: { LEVEL: 'debug' } },
    ],
    ['  python3 server.py  ', command, { ...command, command: 'python3 server.py' }],
    ['./other-tool --json', cli, { kind: 'cli', command: './other-tool --json', env: { A: '1' } }],
    [
      'go run .',
      { kind: 'url', url: 'http://x' },
      {
        kind: 'command',
        command: 'go run .',
        env: {},
        ready: { tcp: true },
        readyTimeout: 10_000,
        stopGrace: 3_000,
      },
    ],
  ])('%s over a %s target', (override, declared, expected) => {
    expect(resolveTargetOverride(override, declared)).toEqual(expected);
  });

  test('rejects an empty override and a module without a path', () => {
    expect(() => resolveTargetOverride('  ', command)).toThrow('the target override is empty');
    expect(() => resolveTargetOverride('module:#x', command)).toThrow('expected module:<path>#<export>');
  });

  test('a cli target is not started as a server', async () => {
    await expect(startTarget(cli, { instances: 1, env: {}, root: projectRoot })).rejects.toThrow(
      /a cli target \(node tool\.js\) is not started/,
    );
  });
});
