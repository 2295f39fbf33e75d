import { describe, expect, test } from 'vitest';
import type { EachInvariant, Place, RollingWindowInvariant } from '../../../src/ir.js';
import { History } from '../../../src/runtime/history/index.js';
import { checkInvariants, windowCount } from '../../../src/runtime/invariants/index.js';
import type { RequestEntry } from '../../../src/runtime/types.js';

const place: Place = {
  file: 'specs/x.md',
  start: { line: 3, column: 1, offset: 0 },
  end: { line: 9, column: 1, offset: 0 },
};
const WINDOW = 1000;
const LIMIT = 3;
const invariant: RollingWindowInvariant = {
  kind: 'rolling-window',
  key: 'request.headers."x-user-id"',
  limit: LIMIT,
  window: WINDOW,
  tolerance: 5,
  place,
};

/** A deterministic jitter source so the test replays. */
function jitter(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function record(history: History, user: string, sentAt: number, receivedAt: number, status: number): void {
  history.recordRequest({
    instance: 0,
    request: { method: 'GET', path: '/api/ping', headers: { 'x-user-id': user } },
    sentAt: history.startedAt + sentAt,
    receivedAt: history.startedAt + receivedAt,
    response: { status, headers: {}, text: '' },
  });
}

/** Simulates a limiter answering each request at a random moment inside its interval. */
function simulate(
  decide: (user: string, at: number) => boolean,
  requests: Array<[string, number]>,
  seed: number,
): History {
  const history = new History();
  const random = jitter(seed);
  const timed = requests.map(([user, sentAt]) => {
    const latency = 1 + random() * 20;
    return { user, sentAt, receivedAt: sentAt + latency, decidedAt: sentAt + random() * latency };
  });
  for (const request of [...timed].sort((a, b) => a.decidedAt - b.decidedAt)) {
    const status = decide(request.user, request.decidedAt) ? 200 : 429;
    Object.assign(request, { status });
  }
  for (const request of timed) {
    record(
      history,
      request.user,
      request.sentAt,
      request.receivedAt,
      (request as unknown as { status: number }).status,
    );
  }
  return history;
}

function slidingLimiter() {
  const allowed = new Map<string, number[]>();
  return (user: string, at: number) => {
    const times = (allowed.get(user) ?? []).filter((t) => t > at - WINDOW);
    const ok = times.length < LIMIT;
    if (ok) times.push(at);
    allowed.set(user, times);
    return ok;
  };
}

function fixedLimiter() {
  const counts = new Map<string, number>();
  return (user: string, at: number) => {
    const key = `${user}:${Math.floor(at / WINDOW)}`;
    const count = counts.get(key) ?? 0;
    if (count >= LIMIT) return false;
    counts.set(key, count + 1);
    return true;
  };
}

/** Bursts around window edges, two users, with concurrent requests. */
const traffic: Array<[string, number]> = [];
for (const base of [850, 1010, 1900, 2040, 2500, 3100]) {
  for (let i = 0; i < 5; i++) traffic.push([i % 2 ? 'bob' : 'alice', base + i * 12]);
}
traffic.sort((a, b) => a[1] - b[1]);

describe('rolling-window invariant', () => {
  test('a correct sliding-window limiter with jittery timings passes', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const history = simulate(slidingLimiter(), traffic, seed);
      expect(await checkInvariants([invariant], history, {})).toEqual([]);
    }
  });

  test('a fixed-window limiter is flagged, with the offending request explained', async () => {
    const history = simulate(fixedLimiter(), traffic, 1);
    const [violation] = await checkInvariants([invariant], history, {});
    expect(violation?.summary).toMatch(/rolling-window \(limit 3 per 1000 ms/);
    expect(violation?.details[0]).toMatch(/allowed, but at least 3 allowed requests of key "(alice|bob)"/);
  });

  test('a limiter that rejects too early is flagged', async () => {
    const history = new History();
    record(history, 'alice', 0, 5, 200);
    record(history, 'alice', 10, 15, 429);
    const [violation] = await checkInvariants([invariant], history, {});
    expect(violation?.details[0]).toMatch(/rejected, but at most 1 allowed requests/);
  });

  test('a request whose verdict depends on unknown decision times is not judged', () => {
    const entry = (sentAt: number, receivedAt: number) => ({ sentAt, receivedAt }) as RequestEntry;
    const r = entry(1000, 1010);
    // q overlaps r in time: it may or may not have been decided first.
    expect(windowCount(r, [entry(1005, 1020)], WINDOW, 0)).toEqual({ sure: 0, possible: 1 });
    // q is near the window edge: inside for some decision times only.
    expect(windowCount(r, [entry(2, 8)], WINDOW, 0)).toEqual({ sure: 0, possible: 1 });
    // q is surely before and surely inside.
    expect(windowCount(r, [entry(100, 110)], WINDOW, 0)).toEqual({ sure: 1, possible: 1 });
    // the tolerance widens the unsure band.
    expect(windowCount(r, [entry(15, 20)], WINDOW, 10)).toEqual({ sure: 0, possible: 1 });
  });
});

describe('each invariant', () => {
  const each: EachInvariant = {
    kind: 'each',
    holds: 'response.status in [200, 429]',
    message: 'every answer is 200 or 429',
    place,
  };

  test('holds for every request entry, and names the ones where it fails', async () => {
    const history = new History();
    record(history, 'alice', 0, 5, 200);
    record(history, 'alice', 10, 15, 500);
    history.mark('after');
    const [violation] = await checkInvariants([each], history, {});
    expect(violation?.summary).toBe(
      'each: expected every answer is 200 or 429 for every entry, but it fails for 1 of 2',
    );
    expect(violation?.details[0]).toMatch(/#2 GET \/api\/ping → 500/);
    expect(await checkInvariants([{ ...each, where: 'response.status < 500' }], history, {})).toEqual([]);
    expect(
      await checkInvariants(
        [{ ...each, where: 'type = "request"', holds: '$count($history) = 3' }],
        history,
        {},
      ),
    ).toEqual([]);
  });
});
