/**
 * Prose of a parsed spec with file positions, for rules that point at a word.
 *
 * A section's `text` is the file's bytes from after its heading to the section's end
 * (trimmed), so its offset in the file is `place.end.offset - text.length`: rules can map
 * an index in the text back to a line and column without the source.
 */
import type { Place, Point, Section, Spec } from '../ir.js';

export interface SectionProse {
  section: Section;
  /**
   * The section's Markdown with fenced code blocks and inline code spans blanked out
   * (same length, newlines kept): prose rules must not read yaml checks or literals.
   */
  masked: string;
  /** The section's Markdown as written. */
  raw: string;
  /** File offset of `raw[0]`. */
  offset: number;
}

export function sectionProse(section: Section): SectionProse {
  return {
    section,
    raw: section.text,
    masked: maskCode(section.text),
    offset: section.place.end.offset - section.text.length,
  };
}

export function proseOf(spec: Spec, kind: Section['kind']): SectionProse | undefined {
  const section = spec.sections.find((candidate) => candidate.kind === kind);
  return section ? sectionProse(section) : undefined;
}

/** The place of `raw.slice(start, end)`. */
export function placeIn(prose: SectionProse, start: number, end: number): Place {
  return { file: prose.section.place.file, start: pointAt(prose, start), end: pointAt(prose, end) };
}

/** Line and column of an index in the section's text, counted back from the section's end. */
function pointAt(prose: SectionProse, index: number): Point {
  const { raw, section } = prose;
  const sectionEnd = section.place.end;
  const linesAfter = countNewlines(raw, index, raw.length);
  const lineStart = raw.lastIndexOf('\n', index - 1) + 1;
  const column =
    linesAfter === 0
      ? sectionEnd.column - (raw.length - index)
      : // The text's first line starts where trimming stopped: column 1 unless it was indented.
        index - lineStart + 1;
  return { line: sectionEnd.line - linesAfter, column, offset: prose.offset + index };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) if (text.charCodeAt(i) === 10) count += 1;
  return count;
}

/** The part of a section's prose that a list item or criterion covers, as [start, end) indexes. */
export function spanOf(prose: SectionProse, place: Place): [number, number] {
  const start = Math.max(0, place.start.offset - prose.offset);
  const end = Math.min(prose.raw.length, place.end.offset - prose.offset);
  return [start, end];
}

// An unclosed fence runs to the end of the text (`(?![\s\S])`: `$` would stop at a line end).
const FENCE = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n[ \t]*\2[ \t]*(?=\n|(?![\s\S]))|(?![\s\S]))/gm;
const INLINE_CODE = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;

/** Replaces code by spaces, keeping newlines, so indexes still match the source. */
export function maskCode(markdown: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return markdown.replace(FENCE, blank).replace(INLINE_CODE, blank);
}

/** Every match of `pattern` (which must be global) in `text`, with its index. */
export function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(pattern)];
}

/** Lower-case words of prose, a trailing plural `s` dropped, for comparing wordings. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9_]*/g) ?? [])
    .filter((word) => !STOP_WORDS.has(word) && word.length > 1)
    .map(stem);
}

export function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or other than that the their ' +
    'them then there these this those to was were when which while with without per not no any all ' +
    'each every can may must should will shall do does one two based'
  ).split(' '),
);

/** Text of the whole spec's prose (all sections), code masked, for "does the spec say X anywhere". */
export function allProse(spec: Spec): string {
  return spec.sections.map((section) => maskCode(section.text)).join('\n\n');
}

/** The place of a section's heading line (a section's place starts at its heading). */
export function headingPlace(section: Section): Place {
  const { start } = section.place;
  const headingLength = `## ${section.heading}`.length;
  return {
    file: section.place.file,
    start,
    end: { line: start.line, column: start.column + headingLength, offset: start.offset + headingLength },
  };
}

const BLOCK_START = /^(?:\s*$|\s{0,3}(?:[-*+]|\d+[.)])\s)/;

/**
 * [start, end) of the paragraph or list item around `index`: the lines from the nearest
 * blank line or list marker before it to the next one after it.
 */
export function blockAround(text: string, index: number): [number, number] {
  let start = text.lastIndexOf('\n', index - 1) + 1;
  while (start > 0 && !BLOCK_START.test(lineAt(text, start))) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (/^\s*$/.test(lineAt(text, previous))) break;
    start = previous;
  }
  let end = text.indexOf('\n', index);
  while (end !== -1 && end + 1 < text.length && !BLOCK_START.test(lineAt(text, end + 1))) {
    end = text.indexOf('\n', end + 1);
  }
  return [start, end === -1 ? text.length : end];
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/** Text quoted in a message: one line, white space collapsed. */
export function quoted(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
