import { describe, expect, test } from 'vitest';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { lineHasLevel, metricValue, selectLogLines } from '../../../src/runtime/probes/index.js';
import type { LogLine } from '../../../src/runtime/types.js';

describe('log levels', () => {
  test.each([
    ['WARN ratelimit backend down', true],
    ['[warning] ratelimit', true],
    ['{"level":"warn","msg":"ratelimit"}', true],
    ['{"level":"WARNING","msg":"x"}', true],
    ['{"level":40,"msg":"x"}', true],
    ['{"level":30,"msg":"warn in text but info level"}', false],
    ['info: forewarned is forearmed', false],
    ['{"severity":"WARNING","message":"x"}', true],
    ['{"lvl":"warn","msg":"x"}', true],
    ['ts=1 level=warn msg=ratelimit', true],
    ['info: 3 warnings so far', false],
    ['{"msg":"warn","level":"info"}', false],
    ['all fine', false],
  ])('%s → warn %s', (text, expected) => {
    expect(lineHasLevel(text, 'warn')).toBe(expected);
  });

  test('selection by time, instance, level and content', () => {
    const lines: LogLine[] = [
      { instance: 0, stream: 'stdout', at: 1, text: 'WARN ratelimit old' },
      { instance: 0, stream: 'stderr', at: 5, text: 'WARN ratelimit new' },
      { instance: 1, stream: 'stdout', at: 6, text: '{"level":"warn","msg":"ratelimit: redis down"}' },
      { instance: 1, stream: 'stdout', at: 7, text: 'INFO ratelimit ok' },
    ];
    expect(selectLogLines(lines, { since: 2, level: 'warn', contains: 'ratelimit' })).toHaveLength(2);
    expect(selectLogLines(lines, { since: 0, level: 'warn', instance: 1 })).toHaveLength(1);
    expect(selectLogLines(lines, { since: 0, matches: 'redis \\w+' })).toHaveLength(1);
  });
});

describe('metrics', () => {
  const instance0 = parsePrometheusTextFormat(
    '# TYPE ratelimit_backend_error counter\nratelimit_backend_error 2\n# TYPE http_requests_total counter\nhttp_requests_total{code="200"} 5\nhttp_requests_total{code="429"} 1\n',
  );
  const instance1 = parsePrometheusTextFormat(
    '# TYPE ratelimit_backend_error_total counter\nratelimit_backend_error_total 3\n# TYPE latency histogram\nlatency_bucket{le="+Inf"} 4\nlatency_sum 1.5\nlatency_count 4\n',
  );

  test('sums over instances and matching labels, with or without _total', () => {
    expect(metricValue([instance0, instance1], 'ratelimit_backend_error')).toBe(5);
    expect(metricValue([instance0], 'http_requests_total')).toBe(6);
    expect(metricValue([instance0], 'http_requests_total', { code: '429' })).toBe(1);
    expect(metricValue([instance1], 'latency_count')).toBe(4);
    expect(metricValue([instance0], 'never_incremented')).toBe(0);
  });
});
