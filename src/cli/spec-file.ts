/**
 * Reads one spec file from disk, the only way any command does. A spec is read only when it is
 * a regular file (a link to one is fine) and at most MAX_SPEC_BYTES long; anything else (a FIFO,
 * a device, a directory, a dangling link, a link loop, an unreadable file) becomes a diagnostic
 * naming the file, so a hostile `specs/` never blocks, never exhausts memory and never looks
 * like a crash of specgate.
 */
import { constants } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, renderMessage, type DiagnosticCode } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Stated in docs/spec-format.md ("Limits"); the largest bundled spec is far below it. */
export const MAX_SPEC_BYTES = 5 * 1024 * 1024;

export type SpecFileRead = { source: string } | { diagnostic: Diagnostic };

/** `file` is relative to `root` with `/` separators, as diagnostics name it. */
export async function readSpecFile(root: string, file: string): Promise<SpecFileRead> {
  const path = join(root, file);
  // O_NONBLOCK: opening a FIFO with no writer must not wait for one; it is refused below.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(
    (error: NodeJS.ErrnoException) => error,
  );
  if (handle instanceof Error) return { diagnostic: await openFailure(path, file, handle) };
  try {
    // fstat of the opened file: what is read is what was checked, even if the path changes meanwhile.
    const info = await handle.stat();
    const refused = refuseKind(file, info);
    if (refused) return { diagnostic: refused };
    if (info.size > MAX_SPEC_BYTES) return { diagnostic: tooLarge(file, info.size) };
    const bytes = await readAtMost(handle, MAX_SPEC_BYTES + 1);
    // A file that grew past the limit after fstat is refused too: the read itself is bounded.
    if (bytes.length > MAX_SPEC_BYTES) return { diagnostic: tooLarge(file, bytes.length) };
    return { source: bytes.toString('utf8') };
  } catch (error) {
    return { diagnostic: readFailure(file, error as NodeJS.ErrnoException) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

function refuseKind(file: string, info: Stats): Diagnostic | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory())
    return fileDiagnostic('SG0002', file, {}, { expected: 'a Markdown file', found: 'a directory' });
  return fileDiagnostic(
    'SG0001',
    file,
    { kind: kindOf(info) },
    { expected: 'a regular file', found: kindOf(info), hint: 'replace it with an ordinary Markdown file' },
  );
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function tooLarge(file: string, size: number): Diagnostic {
  return fileDiagnostic(
    'SG0007',
    file,
    { limit: formatBytes(MAX_SPEC_BYTES) },
    {
      expected: `at most ${formatBytes(MAX_SPEC_BYTES)}`,
      found: size > MAX_SPEC_BYTES ? `${formatBytes(size)}` : `more than ${formatBytes(MAX_SPEC_BYTES)}`,
      hint: 'split the spec into several specs',
    },
  );
}

/** A failed open: a dangling link and a link loop are told apart from a missing file with lstat. */
async function openFailure(path: string, file: string, error: NodeJS.ErrnoException): Promise<Diagnostic> {
  if (error.code === 'ENOENT') {
    const link = await lstat(path).catch(() => undefined);
    if (link?.isSymbolicLink())
      return fileDiagnostic('SG0003', file, {}, { expected: 'a link to an existing file' });
  }
  return readFailure(file, error);
}

/** Classifies a file-system error by its code; exported for the errors a test cannot provoke (EIO). */
export function readFailure(file: string, error: NodeJS.ErrnoException): Diagnostic {
  switch (error.code) {
    case 'ELOOP':
      return fileDiagnostic('SG0004', file, {}, { expected: 'a link that ends at a file' });
    case 'EACCES':
    case 'EPERM':
      return fileDiagnostic(
        'SG0005',
        file,
        {},
        { hint: 'give the user running specgate read permission on the file' },
      );
    case 'EISDIR':
      return fileDiagnostic('SG0002', file, {}, { expected: 'a Markdown file', found: 'a directory' });
    case 'ENOENT':
      return fileDiagnostic('SG0008', file, {});
    default:
      return fileDiagnostic('SG0006', file, { detail: error.code ?? error.message });
  }
}

function fileDiagnostic(
  code: DiagnosticCode,
  file: string,
  args: Readonly<Record<string, string>>,
  details: Pick<Diagnostic, 'expected' | 'found' | 'hint'> = {},
): Diagnostic {
  const start = { line: 1, column: 1, offset: 0 };
  return {
    code,
    severity: CATALOGUE[code].severity,
    message: renderMessage(code, args),
    place: { file, start, end: start },
    ...details,
  };
}

function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
