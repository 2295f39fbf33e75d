/** Helper for variants/: each is both a runnable server and an importable app factory. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCsvImportApp } from './app.js';
import type { CsvImportApp, CsvImportAppOptions } from './app.js';
import type { CsvImportParts } from './pipeline.js';
import { serveCsvImport } from './serve.js';

export type CsvImportAppFactory = (options?: Omit<CsvImportAppOptions, 'parts'>) => CsvImportApp;

/** Serves the variant when its file is the entry point; returns its app factory either way. */
export function defineVariant(moduleUrl: string, name: string, parts: CsvImportParts): CsvImportAppFactory {
  const entry = process.argv[1];
  if (entry !== undefined && pathToFileURL(resolve(entry)).href === moduleUrl) {
    serveCsvImport({ name: `csv-import variant ${name}`, parts });
  }
  return (options = {}) => createCsvImportApp({ ...options, parts });
}
