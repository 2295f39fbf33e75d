import { Counter, Registry } from 'prom-client';

export interface PaymentsMetrics {
  /** Payments the provider gave no usable answer for (after the retry, if any). */
  providerErrors: { inc(): void };
  /** Prometheus text exposition of every metric. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** A registry per app, so several apps in one process (tests, module targets) keep separate counts. */
export function createMetrics(): PaymentsMetrics {
  const registry = new Registry();
  const providerErrors = new Counter({
    name: 'payments_provider_errors_total',
    help: 'Payment requests answered 502 because the card provider gave no usable answer.',
    registers: [registry],
  });
  return { providerErrors, render: () => registry.metrics(), contentType: registry.contentType };
}
