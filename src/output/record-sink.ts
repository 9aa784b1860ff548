/**
 * Where batch records go: standard output or `--out FILE`, as NDJSON (one record a line), one JSON array, or a flat
 * CSV. A file is written to a temporary name beside the target and renamed when complete, so an interrupted run
 * leaves no partial file at the target (SIGKILL included: only the hidden temporary remains).
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { temporaryPathFor } from './atomic-write.js';
import { jsonReplacer } from './json.js';

export type RecordFormat = 'ndjson' | 'json' | 'csv';

/** Spreadsheets execute cells starting with = + - @ (and tab/CR); such text cells get a leading apostrophe (OWASP). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export class RecordSink {
  private readonly fd: number;
  private readonly temporary: string | null;
  private count = 0;
  private closed = false;
  private readonly cleanup = (): void => this.abort();

  constructor(
    private readonly format: RecordFormat,
    private readonly target: string | undefined,
    private readonly csv: { header: string[]; rows: (record: unknown) => unknown[][] } | null = null,
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
    if (format === 'csv') this.put(this.csv!.header.map(csvCell).join(',') + '\n');
  }

  private put(text: string): void {
    const buffer = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < buffer.length) {
      try {
        offset += writeSync(this.fd, buffer, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // The reader went away (`poregrade batch … | head`): nothing more to say, and not an error.
        if (code === 'EPIPE' && this.fd === 1) process.exit(process.exitCode ?? 0);
        // Standard output may be a non-blocking pipe: wait for the reader and retry.
        if (code !== 'EAGAIN') throw error;
      }
    }
  }

  write(record: unknown): void {
    if (this.format === 'ndjson') {
      this.put(JSON.stringify(record, jsonReplacer) + '\n');
    } else if (this.format === 'json') {
      this.put((this.count === 0 ? '\n' : ',\n') + JSON.stringify(record, jsonReplacer));
    } else {
      for (const row of this.csv!.rows(record)) this.put(row.map(csvCell).join(',') + '\n');
    }
    this.count++;
  }

  /** Completes the output: closes the JSON array, and renames the temporary file onto the target. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.format === 'json') this.put(this.count === 0 ? ']\n' : '\n]\n');
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
