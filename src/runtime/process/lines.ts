/** Splits a text stream into lines (LF or CRLF), keeping the unfinished tail for the next chunk. */
export class LineSplitter {
  private tail = '';

  constructor(private readonly onLine: (text: string) => void) {}

  push(chunk: string): void {
    const parts = (this.tail + chunk).split('\n');
    this.tail = parts.pop() ?? '';
    for (const part of parts) this.onLine(part.endsWith('\r') ? part.slice(0, -1) : part);
  }

  /** Emits the last line when the stream ended without a line break. */
  flush(): void {
    if (this.tail !== '') this.onLine(this.tail);
    this.tail = '';
  }
}
