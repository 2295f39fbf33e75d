/**
 * The built-in phrase books: data files under books/, one per domain, read once. A book that
 * does not load is a bug in specgate, so it throws; a spec's own phrases are read by
 * spec-phrases.ts, with located diagnostics.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { PhraseDefinition, PhraseRole } from './types.js';

export const BUILT_IN_BOOKS = ['http', 'services', 'observables', 'cli', 'prose'] as const;

export interface PhraseBook {
  book: string;
  description: string;
  phrases: PhraseDefinition[];
}

const ROLES: ReadonlySet<string> = new Set<PhraseRole>(['given', 'when', 'then', 'none']);

function readBook(name: string): { book: PhraseBook; text: string } {
  const text = readFileSync(new URL(`./books/${name}.yaml`, import.meta.url), 'utf8');
  const data = parse(text) as {
    book: string;
    description: string;
    phrases: Array<Omit<PhraseDefinition, 'book'>>;
  };
  if (data.book !== name) throw new Error(`phrase book ${name}.yaml names itself ${data.book}`);
  const phrases = data.phrases.map((entry): PhraseDefinition => {
    if (!ROLES.has(entry.role)) throw new Error(`phrase "${entry.phrase}": unknown role ${entry.role}`);
    return { ...entry, book: name, expands: entry.expands ?? {}, parameters: entry.parameters ?? [] };
  });
  return { book: { book: name, description: data.description, phrases }, text };
}

const loaded = BUILT_IN_BOOKS.map(readBook);

export const builtInBooks: readonly PhraseBook[] = loaded.map((entry) => entry.book);

/** Every built-in phrase, in book order. */
export const builtInPhrases: readonly PhraseDefinition[] = builtInBooks.flatMap((book) => book.phrases);
