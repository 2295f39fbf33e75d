/**
 * The step language's probes and send options end to end: a real node:http link service
 * (test/fixtures/executor/links-server.mjs) with rows in a real PostgreSQL and a cache in a
 * real Redis behind the fault proxy, criteria as the compiler emits them.
 */
import { describe, expect, test } from 'vitest';
import type { Criterion, Place, SpecConfig, Step } from '../../../src/ir.js';
import { defineSpecSuite } from '../../../src/runtime/index.js';

const FILE = 'specs/links.md';
const at = (line: number): Place => ({
  file: FILE,
  start: { line, column: 1, offset: 0 },
  end: { line, column: 1, offset: 0 },
});

const config: SpecConfig = {
  target: {
    kind: 'command',
    command: 'node test/fixtures/executor/links-server.mjs',
    env: {},
    ready: { http: '/healthz' },
    readyTimeout: 20_000,
    stopGrace: 3_000,
  },
  services: {
    cache: { kind: 'redis', env: 'REDIS_URL' },
    db: { kind: 'postgres', env: 'DATABASE_URL' },
  },
  identities: {},
  vars: {},
  runs: 1,
  timeout: 20_000,
  metricsPath: '/metrics',
};

const suite = defineSpecSuite({ name: 'links', title: 'Links', file: FILE, sha256: '0'.repeat(64), config });

function criterion(id: string, steps: Step[]): Criterion {
  return {
    id,
    prose: `criterion ${id}`,
    section: 'acceptance',
    place: at(10),
    check: { steps, place: at(11) },
  };
}

const create = (code: string, line: number, extra: Partial<Extract<Step, { kind: 'send' }>> = {}): Step => ({
  kind: 'send',
  method: 'POST',
  path: '/links',
  body: { json: { code, url: `https://example.com/${code}` } },
  expect: { status: 201 },
  place: at(line),
  ...extra,
});

async function failure(criterionToRun: Criterion): Promise<string> {
  const error = await suite.verify(criterionToRun).then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  expect(error, 'the criterion should fail').toBeInstanceOf(Error);
  return error!.message;
}

describe('expect redis reads values, hash fields and list items, and saves what it read', () => {
  const probe = (expect: NonNullable<Extract<Step, { kind: 'expect-redis' }>['expect']>): Step => ({
    kind: 'expect-redis',
    service: 'cache',
    key: 'link:ab1',
    expect,
    place: at(30),
  });

  test('a string value, a hash as a subset, a list exactly; the saved state feeds a later step', async () => {
    await suite.verify(
      criterion('AC-1', [
        create('ab1', 20),
        create('cd2', 21),
        probe({ type: 'string', value: 'https://example.com/ab1' }),
        {
          kind: 'expect-redis',
          service: 'cache',
          key: 'meta:ab1',
          expect: { type: 'hash', fields: { url: 'https://example.com/ab1', hits: 0 } },
          save: 'meta',
          place: at(31),
        },
        {
          kind: 'expect-redis',
          service: 'cache',
          key: 'recent',
          expect: { items: ['cd2', 'ab1'] },
          place: at(32),
        },
        {
          kind: 'assert',
          that: "meta.type = 'hash' and meta.fields.url = 'https://example.com/ab1'",
          place: at(33),
        },
      ]),
    );
  });

  test('a wrong value, field or item fails and says what was found', async () => {
    const message = await failure(
      criterion('AC-2', [create('ab1', 20), probe({ value: 'https://example.com/other' })]),
    );
    expect(message).toContain(
      'redis key "link:ab1" value: expected "https://example.com/other" but found "https://example.com/ab1"',
    );
    const fields = await failure(
      criterion('AC-3', [
        create('ab1', 20),
        {
          kind: 'expect-redis',
          service: 'cache',
          key: 'meta:ab1',
          expect: { fields: { hits: 1 } },
          place: at(31),
        },
      ]),
    );
    expect(fields).toContain('redis key "meta:ab1" fields.hits: expected 1 but found "0"');
    const items = await failure(
      criterion('AC-4', [
        create('ab1', 20),
        create('cd2', 21),
        {
          kind: 'expect-redis',
          service: 'cache',
          key: 'recent',
          expect: { items: ['ab1', 'cd2'] },
          place: at(32),
        },
      ]),
    );
    expect(items).toContain('redis key "recent" items[0]: expected "ab1" but found "cd2"');
  });
});

describe('cross-store checks: set difference between Redis keys and PostgreSQL rows', () => {
  const stored: Step = {
    kind: 'expect-sql',
    service: 'db',
    query: "select 'link:' || code as key from links order by code",
    save: 'stored',
    place: at(40),
  };
  const noOrphanKeys: Step = {
    kind: 'expect-redis',
    service: 'cache',
    keys: 'link:*',
    names: { $subsetOf: '{{ stored.rows.key }}' },
    place: at(41),
  };
  const everyRowCached: Step = {
    kind: 'expect-redis',
    service: 'cache',
    keys: 'link:*',
    names: { $supersetOf: '{{ stored.rows.key }}' },
    place: at(42),
  };

  test('every cached key has its row and every row its key', async () => {
    await suite.verify(
      criterion('AC-5', [create('ab1', 20), create('cd2', 21), stored, noOrphanKeys, everyRowCached]),
    );
    // One row: JSONata gives a lone value, still read as a list of one.
    await suite.verify(criterion('AC-6', [create('ab1', 20), stored, noOrphanKeys, everyRowCached]));
  });

  test('a key without its row, and a row without its key, are named', async () => {
    const orphan = await failure(
      criterion('AC-7', [
        create('ab1', 20),
        {
          kind: 'redis',
          service: 'cache',
          command: ['SET', 'link:zz9', 'https://orphan.example'],
          place: at(22),
        },
        stored,
        noOrphanKeys,
      ]),
    );
    expect(orphan).toContain(
      'names of the keys matching "link:*": expected only elements of ["link:ab1"] but found 1 not in that list: ["link:zz9"]',
    );
    const uncached = await failure(
      criterion('AC-8', [
        create('ab1', 20),
        create('cd2', 21),
        { kind: 'redis', service: 'cache', command: ['DEL', 'link:cd2'], place: at(22) },
        stored,
        everyRowCached,
      ]),
    );
    expect(uncached).toContain(
      'expected every element of ["link:ab1","link:cd2"] but found 1 missing: ["link:cd2"]',
    );
  });
});

describe('send: what one request caused (log and metric), expect metric saves its value', () => {
  test('each request logs one line and adds 1 to the counter; the saved value is the total', async () => {
    await suite.verify(
      criterion('AC-9', [
        { kind: 'let', values: { code: 'ab1' }, place: at(19) },
        create('ab1', 20, {
          expect: {
            status: 201,
            log: [
              { level: 'warn', count: 0 },
              { level: 'info', contains: 'created link {{ code }}', count: 1 },
            ],
            metric: [{ name: 'links_created', delta: 1 }],
          },
        }),
        {
          kind: 'send',
          method: 'POST',
          path: '/links',
          repeat: 2,
          body: { json: { code: 'r{{ index }}', url: 'https://example.com/r' } },
          expect: {
            status: 201,
            log: [
              { contains: 'created link r{{ index }}', count: 1 },
              { contains: 'created link', count: 1 },
            ],
            metric: [{ name: 'links_created', delta: 1 }],
          },
          place: at(22),
        },
        { kind: 'expect-metric', name: 'links_created', save: 'made', place: at(23) },
        { kind: 'assert', that: 'made.value = 3 and made.delta = 3', place: at(24) },
      ]),
    );
  });

  test('a request that causes no line, or a different change, fails on that request', async () => {
    const message = await failure(
      criterion('AC-10', [
        create('ab1', 20, { expect: { status: 201, metric: [{ name: 'links_created', delta: 2 }] } }),
      ]),
    );
    expect(message).toContain('POST /links: metric links_created delta: expected 2 but found 1');
    const quiet = await failure(
      criterion('AC-11', [
        {
          kind: 'send',
          method: 'GET',
          path: '/links/none',
          expect: { status: 404, log: [{ level: 'warn', contains: 'backend' }] },
          place: at(25),
        },
      ]),
    );
    expect(quiet).toContain(
      'GET /links/none: log lines level warn, containing "backend": expected a number >= 1 but found 0',
    );
  });
});

describe('send timeout: a hung request fails at once, naming the fault in force', () => {
  test('with Redis silent, the request fails after the send timeout, not the criterion timeout', async () => {
    const started = performance.now();
    const message = await failure(
      criterion('AC-12', [
        create('ab1', 20),
        { kind: 'fault', service: 'cache', toxic: 'timeout', attributes: { timeout: 0 }, place: at(26) },
        { kind: 'send', method: 'GET', path: '/links/ab1', timeout: 300, place: at(27) },
      ]),
    );
    expect(message).toContain(
      'GET /links/ab1: expected a response but the request failed: no response within the send timeout of 300 ms (faults in force: cache: timeout (downstream))',
    );
    expect(performance.now() - started).toBeLessThan(config.timeout);
  });
});

describe('send follows redirects when asked', () => {
  test('not by default; followed, 302 and 303 become GETs, 307 keeps the method and body', async () => {
    await suite.verify(
      criterion('AC-13', [
        create('ab1', 20),
        {
          kind: 'send',
          method: 'GET',
          path: '/r/ab1',
          expect: { status: 302, headers: { location: '/links/ab1' } },
          place: at(28),
        },
        {
          kind: 'send',
          method: 'GET',
          path: '/r/ab1',
          followRedirects: 5,
          expect: { status: 200, body: { url: 'https://example.com/ab1' } },
          save: 'followed',
          place: at(29),
        },
        {
          kind: 'assert',
          that: "followed.path = '/links/ab1' and followed.redirects[0].status = 302 and followed.redirects[0].location = '/links/ab1'",
          place: at(30),
        },
        create('cd2', 31, {
          path: '/links/form',
          followRedirects: 1,
          expect: { status: 200, body: { method: 'GET' } },
        }),
        create('ef3', 32, {
          path: '/links/again',
          followRedirects: 1,
          expect: { status: 201, body: { code: 'ef3' } },
        }),
        { kind: 'expect-sql', service: 'db', query: 'select code from links', count: 3, place: at(33) },
      ]),
    );
  });

  test('a failing assert prints the values it compared', async () => {
    const failed = await failure(
      criterion('AC-19', [
        create('gh4', 40, { save: 'made' }),
        { kind: 'assert', that: "made.body.code = 'GH4' and made.status = 201", place: at(41) },
      ]),
    );
    expect(failed).toContain("`made.body.code = 'GH4' and made.status = 201` gave false");
    expect(failed).toContain('where `made.body.code` is "gh4"');
    expect(failed).toContain('where `made.status` is 201');
  });

  test('a redirect off the target, or one too many, is not followed and says so', async () => {
    const away = await failure(
      criterion('AC-14', [{ kind: 'send', method: 'GET', path: '/away', followRedirects: 3, place: at(34) }]),
    );
    expect(away).toContain('GET /away: a redirect to http://example.invalid/ leaves the target');
    const loop = await failure(
      criterion('AC-15', [{ kind: 'send', method: 'GET', path: '/loop', followRedirects: 2, place: at(35) }]),
    );
    expect(loop).toContain('GET /loop: more than 2 redirects');
  });
});
