import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { formatFailureEvidence, replayCommand } from '../../../src/runtime/failure/index.js';
import { quoteShellArgument, shellCommand } from '../../../src/runtime/failure/shell-quote.js';

const scratch = mkdtempSync(join(tmpdir(), 'specgate-shell-quote-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The words `sh -c` makes of each command line, as the program would receive them: `specgate`
 * is a function printing its arguments, each ended by NUL, and a SOH after the last. Run in a
 * scratch dir, so a `$(touch …)` that escaped its quotes would leave a file there.
 */
function argvsOf(script: string): string[][] {
  const printer = `specgate() { for a in "$@"; do printf '%s\\0' "$a"; done; printf '\\1'; }`;
  const output = execFileSync('sh', ['-c', `${printer}\n${script}`], { cwd: scratch, encoding: 'utf8' });
  return output
    .split('\u0001')
    .slice(0, -1)
    .map((call) => ['specgate', ...call.split('\0').slice(0, -1)]);
}

/** Arguments heavy in what a shell gives a meaning to. */
const word = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...`'"\\$\`(){}[]*?~!#&|;<> \t\n=%@:,./-`.split('')),
    fc.constantFrom('a', 'Z', '0', 'é', '\u001b', '\r'),
  ),
});

describe('shell quoting', () => {
  test('plain words stay bare, others are single-quoted', () => {
    expect(quoteShellArgument('specs/rate-limit.md')).toBe('specs/rate-limit.md');
    expect(quoteShellArgument('3:1:0')).toBe('3:1:0');
    expect(quoteShellArgument('')).toBe("''");
    expect(quoteShellArgument('~')).toBe("'~'");
    expect(quoteShellArgument("it's")).toBe(`'it'\\''s'`);
  });

  test('every command line round-trips through sh -c to the same argv', () => {
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 4 }), { minLength: 1, maxLength: 20 }), (lines) => {
        // One shell per batch of commands keeps the property fast.
        const script = lines.map((argv) => shellCommand(['specgate', ...argv])).join('\n');
        expect(argvsOf(script)).toEqual(lines.map((argv) => ['specgate', ...argv]));
      }),
      { numRuns: 25 },
    );
    expect(readdirSync(scratch)).toEqual([]);
  });
});

describe('the Replay line', () => {
  const specFile = "specs/a\n$(touch pwned) `touch pwned2` 'quoted'.md";
  const report = {
    specFile,
    criterion: { id: 'AC-1', name: 'ping', prose: 'pings' },
    seed: 7,
    property: {
      path: '3:1:0',
      seed: 42,
      counterexample: null,
      runs: 1,
      shrinks: 0,
      shrinkingInterrupted: false,
    },
    targetOverride: 'http://127.0.0.1:1/$(touch pwned3)',
  };

  test('a spec file with a newline and $(…) round-trips through sh -c to the same argv', () => {
    expect(argvsOf(replayCommand(report))).toEqual([
      [
        'specgate',
        'test',
        specFile,
        '--criterion',
        'AC-1',
        '--seed',
        '42',
        '--path',
        '3:1:0',
        '--target',
        'http://127.0.0.1:1/$(touch pwned3)',
      ],
    ]);
    expect(readdirSync(scratch)).toEqual([]);
  });

  test('is printed on one line, its newline escaped', () => {
    const evidence = { message: 'no', faults: [], transcript: [], logs: [], replay: replayCommand(report) };
    const lines = formatFailureEvidence(report.criterion, evidence).split('\n');
    const replay = lines.filter((line) => line.startsWith('Replay: '));
    expect(replay).toEqual([
      `Replay: specgate test 'specs/a\\n$(touch pwned) \`touch pwned2\` '\\''quoted'\\''.md' --criterion AC-1 --seed 42 --path 3:1:0 --target 'http://127.0.0.1:1/$(touch pwned3)'`,
    ]);
    expect(lines.at(-1)).toBe(replay[0]);
  });
});
