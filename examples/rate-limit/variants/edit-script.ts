/**
 * Derives a variant's Lua script from the reference's by one textual edit, so the
 * variant shows exactly the decision it gets wrong. Throws when the reference no
 * longer contains `search` exactly once, rather than silently running the reference.
 */
export function replaceOnce(source: string, search: string, replacement: string): string {
  const first = source.indexOf(search);
  if (first === -1 || source.indexOf(search, first + 1) !== -1) {
    throw new Error(`expected exactly one occurrence of ${JSON.stringify(search)} in the reference script`);
  }
  return source.slice(0, first) + replacement + source.slice(first + search.length);
}
