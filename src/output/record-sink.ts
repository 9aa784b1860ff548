/**
 * Where batch records go: standard output or `--out FILE`, as NDJSON (one record a line), one JSON array, or a flat
 * CSV. A file is written to a temporary name beside the target and renamed when complete, so an interrupted run
 * leaves no partial file at the target (SIGKILL included: only the hidden temporary remains).
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { temporaryPathFor } from './atomic-write.js';

export type RecordFormat = 'ndjson' | 'json' | 'csv';
/** What a sink writes: records, or text passed through as it is (a table, one indented JSON document). */
export type SinkFormat = RecordFormat | 'table' | 'json-single';

/** Spreadsheets execute cells starting with = + - @ (and tab/CR); such text cells get a leading apostrophe (OWASP). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLines(rows: readonly (readonly unknown[])[]): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += i === 0 ? csvCell(row[i]) : `,${csvCell(row[i])}`;
    text += '\n';
  }
  return text;
}

export class RecordSink {
  private readonly fd: number;
  private readonly temporary: string | null;
  private count = 0;
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private closed = false;
  private readonly cleanup = (): void => this.abort();

  constructor(
    private readonly format: SinkFormat,
    private readonly target: string | undefined,
    csvHeader: readonly string[] = [],
  ) {
    if (target) {
      this.temporary = temporaryPathFor(target);
      this.fd = openSync(this.temporary, 'w');
      process.once('SIGINT', this.cleanup);
      process.once('SIGTERM', this.cleanup);
    } else {
      this.temporary = null;
      this.fd = 1;
    }
    if (format === 'json') this.put('[');
    if (format === 'csv') this.put(csvLines([csvHeader]));
  }

  /** Text collects in one buffer and goes out in large writes: a write call per record cost more than the record. */
  private put(output: string | Uint8Array): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const most = typeof output === 'string' ? 3 * output.length : output.length;
    if (this.used + most > this.buffer.length) this.flush();
    if (most > this.buffer.length) this.writeAll(typeof output === 'string' ? Buffer.from(output, 'utf8') : output);
    else if (typeof output === 'string') this.used += this.buffer.write(output, this.used, 'utf8');
    else {
      this.buffer.set(output, this.used);
      this.used += output.length;
    }
  }

  /** Sends what is buffered (after each batch of results, so a stream reader sees records as they finish). */
  flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(this.fd, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // The reader went away (`poregrade batch … | head`): nothing more to say, and not an error.
        if (code === 'EPIPE' && this.fd === 1) process.exit(process.exitCode ?? 0);
        // Standard output may be a non-blocking pipe: wait for the reader and retry.
        if (code !== 'EAGAIN') throw error;
      }
    }
  }

  /** One record, already in the sink's format (an NDJSON line, a JSON document, CSV rows); JSON gets its commas here. */
  write(output: string | Uint8Array): void {
    if (this.format === 'json') this.put(this.count === 0 ? '\n' : ',\n');
    this.put(output);
    this.count++;
  }

  /** Completes the output: closes the JSON array, and renames the temporary file onto the target. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.format === 'json') this.put(this.count === 0 ? ']\n' : '\n]\n');
    this.flush();
    if (this.temporary) {
      process.off('SIGINT', this.cleanup);
      process.off('SIGTERM', this.cleanup);
      fsyncSync(this.fd);
      closeSync(this.fd);
      renameSync(this.temporary, this.target!);
    }
  }

  /** Drops the partial output (on an error or a signal); nothing appears at the target. */
  abort(signalled = true): void {
    if (this.closed) return;
    this.closed = true;
    if (this.temporary) {
      closeSync(this.fd);
      rmSync(this.temporary, { force: true });
    }
    if (signalled) process.exit(130);
  }
}
