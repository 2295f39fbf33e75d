/** Helper for variants/: each is both a runnable server and an importable app factory. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPaymentsApp } from './app.js';
import type { PaymentsApp, PaymentsAppOptions } from './app.js';
import type { PaymentsParts } from './parts.js';
import { servePayments } from './serve.js';

export type PaymentsAppFactory = (options?: Omit<PaymentsAppOptions, 'parts'>) => PaymentsApp;

/** Serves the variant when its file is the entry point; returns its app factory either way. */
export function defineVariant(
  moduleUrl: string,
  name: string,
  parts: Partial<PaymentsParts>,
): PaymentsAppFactory {
  const entry = process.argv[1];
  if (entry !== undefined && pathToFileURL(resolve(entry)).href === moduleUrl) {
    void servePayments({ name: `payments variant ${name}`, parts });
  }
  return (options = {}) => createPaymentsApp({ ...options, parts });
}
