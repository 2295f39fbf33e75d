import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FaultStep } from '../../../../src/ir.js';
import { parseSpec } from '../../../../src/parse/index.js';
import { slicer } from '../../../../src/runtime/faults/toxics/slicer.js';
import type { Chunk } from '../../../../src/runtime/faults/toxic.js';
import { createRandom } from '../../../../src/runtime/faults/random.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { toxic, useProxy, useRaw, useRedis } from '../support/fixtures.js';

/** The fault step a spec's criterion declares, as the parser hands it to the runtime. */
function parsedFault(fault: string): FaultStep {
  const source = [
    '---',
    'spec: demo',
    'target:',
    '  command: node server.js',
    'services:',
    '  redis: redis',
    '---',
    '',
    '# Demo',
    '',
    '## Goal',
    '',
    'Slice replies.',
    '',
    '## Acceptance',
    '',
    '- **AC-1 sliced**: replies arrive sliced.',
    '',
    '  ```yaml',
    '  steps:',
    `    - fault: ${fault}`,
    '  ```',
    '',
  ].join('\n');
  const { spec, diagnostics } = parseSpec(source, 'specs/demo.md');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const step = spec!.sections.flatMap((s) => s.criteria)[0]!.check!.steps[0]!;
  expect(step.kind).toBe('fault');
  return step as FaultStep;
}

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

test('cuts a chunk into slices of average_size ± size_variation, in order', async () => {
  const sent: Chunk[] = [];
  const instance = slicer.create(
    { average_size: 100, size_variation: 40, delay: 0 },
    {
      send: (chunk) => sent.push(chunk),
      close: () => undefined,
      reset: () => undefined,
      random: createRandom(3),
      removed: new AbortController().signal,
    },
  );
  const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 256));
  await instance.pipe({ data, readAt: 0 });
  expect(Buffer.concat(sent.map((chunk) => chunk.data)).equals(data)).toBe(true);
  const sizes = sent.map((chunk) => chunk.data.length);
  for (const size of sizes.slice(0, -1)) {
    expect(size).toBeGreaterThanOrEqual(60);
    expect(size).toBeLessThanOrEqual(140);
  }
  expect(new Set(sizes).size).toBeGreaterThan(10);
});

test('a raw client receives a reply in many small pieces, spread over time and intact', async () => {
  const proxy = await useProxy(redis.port);
  const setup = useRedis(proxy.port);
  await setup.connect();
  const value = 'abcdefghij'.repeat(300);
  await setup.set('slicer:value', value);
  proxy.addToxic(toxic('slicer', { average_size: 100, size_variation: 20, delay: 2 }));
  const raw = await useRaw(proxy.port);
  raw.socket.write('GET slicer:value\r\n');
  const expected = `$${value.length}\r\n${value}\r\n`;
  await raw.waitForBytes(expected.length);
  expect(raw.bytes().toString()).toBe(expected);
  const { chunks } = raw.observed;
  // 30 slices 2 ms apart: even if the receiver merges some, most arrive apart.
  expect(chunks.length).toBeGreaterThan(10);
  expect(chunks.at(-1)!.at - chunks[0]!.at).toBeGreaterThanOrEqual(40);
});

test('an ioredis client reassembles sliced replies', async () => {
  const proxy = await useProxy(redis.port);
  const client = useRedis(proxy.port);
  await client.connect();
  proxy.addToxic(toxic('slicer', { average_size: 3, size_variation: 2, delay: 0 }, { stream: 'upstream' }));
  proxy.addToxic(toxic('slicer', { average_size: 5, size_variation: 4, delay: 1 }, { name: 'down-slicer' }));
  await client.set('slicer:small', 'hello, sliced world');
  expect(await client.get('slicer:small')).toBe('hello, sliced world');
});

test("a spec's `delay: 10ms` puts 10 ms between slices (it was read as µs: 1000× too short)", async () => {
  const step = parsedFault('{ service: redis, toxic: slicer, average size: 100, delay: 10ms }');
  expect(step.attributes).toEqual({ average_size: 100, delay: 10 });
  const proxy = await useProxy(redis.port);
  const setup = useRedis(proxy.port);
  await setup.connect();
  await setup.set('slicer:timed', 'x'.repeat(400));
  proxy.addToxic(toxic('slicer', step.attributes as Record<string, number>));
  const raw = await useRaw(proxy.port);
  raw.socket.write('GET slicer:timed\r\n');
  // `$400\r\n` + 400 bytes + `\r\n`: 407 bytes in 5 slices, so 4 pauses of 10 ms.
  await raw.waitForBytes(407);
  const { chunks } = raw.observed;
  const span = chunks.at(-1)!.at - chunks[0]!.at;
  expect(chunks.length).toBe(5);
  expect(span).toBeGreaterThanOrEqual(4 * 9);
  // Loose: timers run late on a loaded machine, never early.
  expect(span).toBeLessThan(4 * 10 + 500);
});
