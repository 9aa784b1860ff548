/**
 * Reading input bytes: files (size-checked before they are read whole), standard input for '-', and the decoded
 * text view that text readers share. The only module of io/ that reads files (read-ahead-worker.ts only warms the page cache).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';
import { decodeText, isOle2, isZip, type DecodedText } from './decode.js';

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** One input file's bytes, with a lazily decoded text view. */
export class RawInput {
  private decoded: DecodedText | undefined;
  constructor(
    readonly file: string,
    readonly bytes: Uint8Array,
  ) {}

  /** True for spreadsheet containers (BIFF .xls, .xlsx), which have no text view. */
  get isSpreadsheet(): boolean {
    return isOle2(this.bytes) || isZip(this.bytes);
  }

  /** The decoded text; throws E_BINARY/E_ENCODING for data that is not text. */
  get text(): string {
    return this.decode().text;
  }

  get encoding(): string {
    return this.decode().encoding;
  }

  /**
   * Decodes once; a file that is not text is refused once too: every reader's detection asks, and rejecting a 3 MB
   * binary file costs ~70 ms each time (found by fuzzing: a mutated .xlsx took over a second to refuse).
   */
  private decode(): DecodedText {
    if (this.undecodable) throw this.undecodable;
    try {
      this.decoded ??= decodeText(this.bytes, this.file);
    } catch (error) {
      this.undecodable = error;
      throw error;
    }
    return this.decoded;
  }

  private undecodable: unknown;

  static fromString(file: string, text: string): RawInput {
    return new RawInput(file, new TextEncoder().encode(text));
  }
}

/**
 * Reads a file (or standard input for '-'), refusing directories and files over the size limit before reading.
 * One open, fstat and read per file (stat then readFileSync made five system calls; a batch reads two files a lot).
 */
export function readInput(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): RawInput {
  if (file === '-') return new RawInput('-', readToEnd(0, '-', maxBytes, 0));
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new InputError('E_FILE_IS_DIRECTORY', 'is a directory, not a file', { file });
    throw new InputError('E_FILE_NOT_FOUND', describeFsError(error), { file });
  }
  try {
    let size: number;
    try {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw new InputError('E_FILE_IS_DIRECTORY', 'is a directory, not a file', { file });
      size = stat.size;
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError('E_FILE_NOT_FOUND', describeFsError(error), { file });
    }
    if (size > maxBytes) {
      throw new InputError('E_FILE_TOO_LARGE', `is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)}`, { file }, 'raise --max-file-size if the file is genuine');
    }
    const bytes = readToEnd(fd, file, maxBytes, size);
    if (bytes.length === 0) throw new InputError('E_EMPTY_FILE', 'the file is empty', { file });
    return new RawInput(file, bytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * The rest of an open file or stream: `expected` bytes (the size fstat gave, as readFileSync reads) in one call, or,
 * when that is 0 (standard input, a pipe, a /proc file), chunks up to the end, within the size limit.
 */
function readToEnd(fd: number, file: string, maxBytes: number, expected: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  let buffer = Buffer.allocUnsafe(expected > 0 ? expected : 1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw new InputError('E_FILE_NOT_FOUND', file === '-' ? `cannot read standard input: ${describeFsError(error)}` : describeFsError(error), { file });
    }
    if (n === 0) break;
    total += n;
    if (expected > 0 && total >= expected) {
      chunks.push(buffer.subarray(0, n));
      break;
    }
    if (total > maxBytes) throw new InputError('E_FILE_TOO_LARGE', `${file === '-' ? 'standard input' : 'the file'} exceeds ${formatBytes(maxBytes)}`, { file });
    chunks.push(buffer.subarray(0, n));
    if (n === buffer.length) buffer = Buffer.allocUnsafe(1 << 16);
    else buffer = buffer.subarray(n);
  }
  if (total === 0 && file === '-') throw new InputError('E_EMPTY_FILE', 'standard input is empty', { file: '-' });
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return e.message ?? String(error);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} B`;
}
