/** The YAML between `---` lines at the very top of a spec, located in the source. */
export interface FrontMatterText {
  text: string;
  /** Source offset of the YAML text's first character. */
  start: number;
  /** Source range of the whole block, fences included. */
  range: [number, number];
}

export interface FrontMatterSplit {
  frontMatter?: FrontMatterText;
  /** The source with the front matter blanked out (same length, line breaks kept) so Markdown offsets stay true. */
  body: string;
  /** Set when an opening `---` is never closed: source range of the opening fence. */
  unterminated?: [number, number];
}

const FENCE = /^---[ \t]*\r?$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*\r?$/;

export function splitFrontMatter(source: string): FrontMatterSplit {
  const bom = source.startsWith('\uFEFF') ? 1 : 0;
  const firstLineEnd = lineEnd(source, bom);
  if (!FENCE.test(source.slice(bom, firstLineEnd))) return { body: source };
  const start = firstLineEnd + 1;
  let lineStart = start;
  while (lineStart <= source.length) {
    const end = lineEnd(source, lineStart);
    if (CLOSING_FENCE.test(source.slice(lineStart, end))) {
      return {
        frontMatter: { text: source.slice(start, lineStart), start, range: [bom, end] },
        body: blank(source, end),
      };
    }
    if (end >= source.length) break;
    lineStart = end + 1;
  }
  return { body: source, unterminated: [bom, firstLineEnd] };
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

function blank(source: string, end: number): string {
  return source.slice(0, end).replace(/[^\n]/g, ' ') + source.slice(end);
}
