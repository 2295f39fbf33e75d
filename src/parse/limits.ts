/**
 * Size limits of the spec format (docs/spec-format.md, "Size limits"). Each is far above what a
 * real spec holds (the largest bundled spec has 26 criteria, its largest yaml block 680 nodes)
 * and far below what makes a parse take seconds, so a generated or hostile spec gets one
 * located error at once instead of minutes and gigabytes. The file's size (5 MB) is checked
 * where it is read (src/cli/spec-file.ts).
 */
export const MAX_CRITERIA_PER_SPEC = 2_000;
/** List items of one section at any depth, criteria included. */
export const MAX_ITEMS_PER_SECTION = 5_000;
/** Nodes (scalars, mappings, sequences, aliases) of one yaml text: front matter, criterion block, phrases.yaml. */
export const MAX_YAML_NODES = 10_000;

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
