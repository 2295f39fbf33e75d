import type { Writable } from 'node:stream';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Plain-text lines: `<ISO time> <LEVEL> <message>`, one line per event whatever the message holds. */
export function createLineLogger(out: Writable = process.stdout): Logger {
  const write = (level: string, message: string) =>
    out.write(`${new Date().toISOString()} ${level} ${message.replace(/\s*[\r\n]+\s*/g, ' ')}\n`);
  return {
    info: (message) => write('INFO', message),
    warn: (message) => write('WARN', message),
  };
}
