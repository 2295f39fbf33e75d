/**
 * Prometheus metrics scraped from every target instance and summed over
 * instances and matching labels. Deltas compare against snapshots taken at the
 * criterion's start and at each mark.
 */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import type { PrometheusFamily } from 'parse-prometheus-text-format';
import type { TargetInstance } from '../types.js';

/** Parsed exposition of each instance, in instance order. */
export type MetricsSnapshot = PrometheusFamily[][];

export async function scrapeMetrics(
  instances: readonly TargetInstance[],
  path: string,
): Promise<MetricsSnapshot> {
  return Promise.all(
    instances.map(async (instance) => {
      const response = await instance.send({ method: 'GET', path, headers: {} }, { timeoutMs: 5_000 });
      if (response.status !== 200) {
        throw new Error(`GET ${path} on instance ${instance.index} answered ${response.status}`);
      }
      return parsePrometheusTextFormat(response.text);
    }),
  );
}

function labelsMatch(actual: Record<string, string> | undefined, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(([name, value]) => actual?.[name] === value);
}

/** Counter names are matched with and without the OpenMetrics `_total` suffix; `x_count`/`x_sum` read histograms and summaries. */
function familyValues(family: PrometheusFamily, name: string, labels: Record<string, string>): number[] {
  const values: number[] = [];
  for (const sample of family.metrics) {
    if (!labelsMatch(sample.labels, labels)) continue;
    if (family.name === name || `${family.name}_total` === name || family.name === `${name}_total`) {
      if (sample.value !== undefined) values.push(Number(sample.value));
    } else if (name === `${family.name}_count` && sample.count !== undefined)
      values.push(Number(sample.count));
    else if (name === `${family.name}_sum` && sample.sum !== undefined) values.push(Number(sample.sum));
  }
  return values;
}

/** Sum over instances and matching labels; 0 when no sample matches (a counter not yet incremented). */
export function metricValue(
  snapshot: MetricsSnapshot,
  name: string,
  labels: Record<string, string> = {},
): number {
  let total = 0;
  for (const families of snapshot) {
    for (const family of families) for (const value of familyValues(family, name, labels)) total += value;
  }
  return total;
}
