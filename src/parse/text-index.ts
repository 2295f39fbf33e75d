import type { Place, Point } from '../ir.js';

/** Turns 0-based offsets of a text into 1-based line/column points (columns count UTF-16 units, as mdast does). */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  point(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1, offset: clamped };
  }

  place(file: string, start: number, end: number): Place {
    return { file, start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /** Offset of the first character of a 1-based line (the text's end past the last line). */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = this.lineStarts[line] ?? this.text.length + 1;
    return this.text.slice(start, next - 1).replace(/\r$/, '');
  }
}

/**
 * Maps offsets in a fenced code block's value back to the Markdown source. mdast strips the
 * list item's indentation from every line of the value, so each line has its own shift.
 */
export class BlockOffsetMap {
  private readonly valueLineStarts: number[] = [0];
  private readonly sourceLineStarts: number[] = [];

  /** `firstLine`: 1-based source line of the value's first line (the line after the opening fence). */
  constructor(value: string, source: LineIndex, firstLine: number) {
    for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === 10) this.valueLineStarts.push(i + 1);
    this.valueLineStarts.forEach((valueStart, i) => {
      const valueEnd = this.valueLineStarts[i + 1] ?? value.length + 1;
      const valueLine = value.slice(valueStart, valueEnd - 1);
      const sourceLine = source.lineText(firstLine + i);
      const stripped = Math.max(0, sourceLine.length - valueLine.length);
      this.sourceLineStarts.push(source.lineStart(firstLine + i) + stripped);
    });
  }

  toSource(valueOffset: number): number {
    let line = 0;
    while (line + 1 < this.valueLineStarts.length && this.valueLineStarts[line + 1]! <= valueOffset) line++;
    return this.sourceLineStarts[line]! + (valueOffset - this.valueLineStarts[line]!);
  }
}
