/**
 * Batch manifests (../shared/docs/lot-format.md): a CSV with one row per lot — a `lot` column, `files.<name>` columns
 * (`files.pigment_psd.<ink>` for one file per ink colour), `values.<name>`, `facts.<name>` (true/false, text, or lists
 * separated by `|`) and `analysis.<name>` — with paths relative to the manifest. Each row becomes the same JSON a lot
 * file holds, so one loader (claims/lot.ts) checks both.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { forEachDelimitedRow, hasDecimalCommaNumber, splitLine } from '../io/delimited.js';
import type { RawInput } from '../io/input.js';
import { tryParseNumber } from '../io/numbers.js';

export interface ManifestRow {
  /** 1-based line of the row in the manifest. */
  line: number;
  /** The row as lot-file JSON. */
  data: Record<string, unknown>;
}

/**
 * A parsed manifest: its header, and its rows turned into lot JSON only when asked for (as objects they took ~730
 * bytes a lot, 73 MB held for the whole of a 100,000-lot batch). Rows come from RowsOnDisk or RowsInMemory.
 */
export class Manifest {
  constructor(
    readonly file: string,
    /** Directory the row paths are relative to. */
    readonly baseDir: string,
    private readonly header: readonly string[],
    private readonly delimiter: string,
    private readonly decimalComma: boolean,
    private readonly rows: RowSource,
  ) {}

  /** Lot rows (the header not counted). */
  get length(): number {
    return this.rows.length;
  }

  /** The lot row at `index` (0-based). */
  row(index: number): ManifestRow {
    const row = this.rows.row(index);
    return { line: this.rows.line(index), data: rowData(this.header, typeof row === 'string' ? splitLine(row, this.delimiter) : row, this.decimalComma) };
  }
}

/** A manifest's lot rows: each a line of text, or its cells where quotes made csv-parse split it. */
interface RowSource {
  readonly length: number;
  line(index: number): number;
  row(index: number): string | readonly string[];
}

/** Rows held in memory: standard input, quoted text, and encodings other than UTF-8. */
class RowsInMemory implements RowSource {
  constructor(
    private readonly lines: readonly number[],
    private readonly rows: readonly (string | readonly string[])[],
  ) {}

  get length(): number {
    return this.rows.length;
  }

  line(index: number): number {
    return this.lines[index]!;
  }

  row(index: number): string | readonly string[] {
    return this.rows[index]!;
  }
}

/**
 * Rows read again from the file, a block at a time, by where their lines start: a UTF-8 manifest of 100,000 lots
 * would otherwise keep its 7.5 MB of text (and the heap's headroom around it) for the whole batch. Only the byte
 * offset of each line and the line of each row stay in memory (12 bytes a lot).
 */
class RowsOnDisk implements RowSource {
  /** The block of rows last read: [first, first + texts.length). */
  private first = -1;
  private texts: string[] = [];

  constructor(
    private readonly file: string,
    /** Byte offset of each line's start, 0-based by line, plus the file's end. */
    private readonly lineStarts: Float64Array,
    /** The 1-based line of each row. */
    private readonly lines: Int32Array,
  ) {}

  get length(): number {
    return this.lines.length;
  }

  line(index: number): number {
    return this.lines[index]!;
  }

  row(index: number): string {
    if (index < this.first || index >= this.first + this.texts.length) this.read(index);
    return this.texts[index - this.first]!;
  }

  private read(first: number): void {
    const last = Math.min(first + ROWS_PER_READ, this.lines.length) - 1;
    const from = this.lineStarts[this.lines[first]! - 1]!;
    const to = this.lineStarts[this.lines[last]!]!;
    const bytes = Buffer.allocUnsafe(to - from);
    let fd: number | undefined;
    try {
      fd = openSync(this.file, 'r');
      if (readSync(fd, bytes, 0, bytes.length, from) !== bytes.length) throw new Error('the file is shorter than when it was read');
    } catch (error) {
      throw new InputError('E_FILE_NOT_FOUND', `the manifest could not be read again while the batch ran: ${error instanceof Error ? error.message : String(error)}`, { file: this.file }, 'leave the manifest unchanged until the batch has finished');
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    this.texts = [];
    for (let index = first; index <= last; index++) {
      const line = this.lines[index]!;
      // Each row is its whole line; its line break (LF or CRLF) is trimmed away with the cells' spaces.
      this.texts.push(bytes.toString('utf8', this.lineStarts[line - 1]! - from, this.lineStarts[line]! - from));
    }
    this.first = first;
  }
}

const ROWS_PER_READ = 256;

function fileSize(file: string): number | null {
  if (file === '-') return null;
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * Byte offsets of the lines of UTF-8 text whose breaks are LF or CRLF (a lone CR, which parseDelimited also counts as
 * a break, makes the line numbers disagree: such files stay in memory).
 */
function lineStartsOf(bytes: Uint8Array): Float64Array {
  let count = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) count++;
  const starts = new Float64Array(count + 1);
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) starts[line++] = i + 1;
  starts[count] = bytes.length;
  return starts;
}

const SECTIONS = ['files', 'values', 'facts', 'analysis'] as const;

function factValue(cell: string): boolean | string | string[] {
  const lower = cell.toLowerCase();
  if (lower === 'true' || lower === 'yes') return true;
  if (lower === 'false' || lower === 'no') return false;
  return cell.includes('|') ? cell.split('|').map((s) => s.trim()).filter((s) => s !== '') : cell;
}

export function parseManifest(input: RawInput): Manifest {
  const file = input.file;
  const text = input.text;
  // Rows can be read again from the file by their lines when each row is one line of UTF-8 text, and the file is
  // still the one these bytes came from.
  const onDisk = input.encoding === 'utf-8' && !text.includes('"') && !/\r(?!\n)/.test(text) && fileSize(file) === input.bytes.length;
  let header: readonly string[] | null = null;
  let headerLine = 0;
  let decimalCommaSeen = false;
  const lines: number[] = [];
  const rows: (string | readonly string[])[] = [];
  const delimiter = forEachDelimitedRow(text, file, (row) => {
    if (header === null) {
      checkHeader(row.cells, file, row.line);
      // Copies: a cell split from the text may be a view of it, and would keep the whole manifest's text alive.
      header = row.cells.map((cell) => Buffer.from(cell, 'utf8').toString('utf8'));
      headerLine = row.line;
      return;
    }
    decimalCommaSeen ||= hasDecimalCommaNumber(row.cells);
    lines.push(row.line);
    if (!onDisk) rows.push(row.source ?? row.cells);
  });
  if (header === null) throw new InputError('E_EMPTY_FILE', 'the manifest holds no rows', { file });
  if (lines.length === 0) throw new InputError('E_NO_DATA', 'the manifest names its columns but lists no lots', { file, line: headerLine });
  const source = onDisk ? new RowsOnDisk(file, lineStartsOf(input.bytes), Int32Array.from(lines)) : new RowsInMemory(lines, rows);
  return new Manifest(file, file === '-' ? process.cwd() : dirname(resolve(file)), header, delimiter, delimiter !== ',' && decimalCommaSeen, source);
}

function checkHeader(header: readonly string[], file: string, line: number): void {
  const lotColumn = header.indexOf('lot');
  if (lotColumn < 0) throw new InputError('E_MISSING_COLUMN', 'the manifest has no "lot" column', { file, line }, 'the first row names the columns: lot, files.isotherm, values.…, facts.…');
  header.forEach((name, i) => {
    if (i !== lotColumn && !SECTIONS.some((s) => name.startsWith(`${s}.`))) {
      throw new InputError('E_MISSING_COLUMN', `column "${name}" is not lot, files.*, values.*, facts.* or analysis.*`, { file, line, field: name });
    }
  });
}

/** A manifest row's cells → the JSON a lot file holds (claims/lot.ts checks both alike). */
function rowData(header: readonly string[], cells: readonly string[], decimalComma: boolean): Record<string, unknown> {
  const lotColumn = header.indexOf('lot');
  const data: Record<string, Record<string, unknown> | string> = { files: {}, values: {}, facts: {}, analysis: {} };
  header.forEach((name, i) => {
    const cell = (cells[i] ?? '').trim();
    if (cell === '') return;
    if (i === lotColumn) {
      data.lot = cell;
      return;
    }
    const [section, ...rest] = name.split('.');
    const key = rest.join('.');
    const target = data[section!] as Record<string, unknown>;
    if (section === 'files' && key.startsWith('pigment_psd.')) {
      const inks = (target.pigment_psd ??= {}) as Record<string, string>;
      inks[key.slice('pigment_psd.'.length)] = cell;
    } else if (section === 'values') {
      target[key] = tryParseNumber(cell, decimalComma) ?? cell; // a non-number is refused, with its field, by the lot loader
    } else if (section === 'facts') {
      target[key] = factValue(cell);
    } else if (section === 'analysis') {
      target[key] = tryParseNumber(cell, decimalComma) ?? factValue(cell);
    } else {
      target[key] = cell;
    }
  });
  return data;
}
