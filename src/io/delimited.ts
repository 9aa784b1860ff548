/**
 * Delimited text (CSV, semicolon, tab) as exported by instruments and spreadsheets: separator and decimal comma
 * are detected from the content; quoted cells with separators inside them are honoured (csv-parse).
 */
import type { parse as Parse } from 'csv-parse/sync';
import { lazyRequire } from '../lazy-require.js';

const csvParse = lazyRequire<{ parse: typeof Parse }>('csv-parse/sync');
import { InputError } from '../errors.js';
import { isTrimmedSpace, tryParseNumber, tryParseNumberIn } from './numbers.js';

export interface DelimitedRow {
  cells: string[];
  /** 1-based line number where the row starts. */
  line: number;
  /** The line the cells were split from (text without quotes): splitLine(source) gives the cells again. */
  source?: string;
}

export interface DelimitedTable {
  rows: DelimitedRow[];
  delimiter: ',' | ';' | '\t';
  decimalComma: boolean;
}

const CANDIDATES = ['\t', ';', ','] as const;

/**
 * Tab when every opening line holds one (instrument text separates by tab, while commas turn up inside sample names,
 * e.g. "SD283 - F1, HBG6.4, 0h 1" in a Zetasizer export); otherwise the separator whose count per line is most
 * consistent (and non-zero) over the first lines.
 */
export function detectDelimiter(lines: string[]): ',' | ';' | '\t' {
  const sample: string[] = [];
  for (let i = 0; i < lines.length && sample.length < 40; i++) if (lines[i]!.trim() !== '') sample.push(lines[i]!);
  if (sample.length > 0 && sample.every((l) => l.includes('\t'))) return '\t';
  let best: ',' | ';' | '\t' = ',';
  let bestScore = -1;
  const counts: number[] = [];
  for (const d of CANDIDATES) {
    counts.length = 0;
    for (const line of sample) {
      const count = occurrences(line, d);
      if (count > 0) counts.push(count);
    }
    if (counts.length === 0) continue;
    // Lines that carry the separator, weighted by how often the most common count repeats.
    const score = counts.length + mostRepeats(counts);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** How often the most frequent value occurs (sorts `values`). */
function mostRepeats(values: number[]): number {
  values.sort((a, b) => a - b);
  let most = 1;
  for (let i = 1, run = 1; i < values.length; i++) {
    run = values[i] === values[i - 1] ? run + 1 : 1;
    if (run > most) most = run;
  }
  return most;
}

function occurrences(line: string, char: string): number {
  let count = 0;
  for (let at = line.indexOf(char); at >= 0; at = line.indexOf(char, at + 1)) count++;
  return count;
}

/** The trimmed cells of one line of text without quotes. */
export function splitLine(line: string, delimiter: string): string[] {
  const cells = line.split(delimiter);
  for (let k = 0; k < cells.length; k++) cells[k] = cells[k]!.trim();
  return cells;
}

/** Quoted cells (separators or line breaks inside quotes) go through csv-parse. */
function parseQuoted(body: string, delimiter: string, file: string, onRow: (row: DelimitedRow) => void): void {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = csvParse().parse(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    throw new InputError('E_BAD_NUMBER', `cannot split the file into cells: ${e.message ?? String(error)}`, { file, ...(e.lines ? { line: e.lines } : {}) }, 'check quotes and separators');
  }
  for (const { record, info } of records) {
    if (record.every((c) => c === '')) continue;
    onRow({ cells: record, line: info.lines });
  }
}

/**
 * Hands the rows of delimited text to `onRow` one at a time (a manifest of 100,000 lots need not exist as 100,000
 * arrays of cells at once) and returns the separator; empty lines are dropped.
 */
export function forEachDelimitedRow(text: string, file: string, onRow: (row: DelimitedRow) => void, forced?: { delimiter?: ',' | ';' | '\t' }): ',' | ';' | '\t' {
  const indexed = UnquotedText.of(text, forced);
  if (indexed) {
    for (let r = 0; r < indexed.length; r++) onRow(indexed.makeRow(r));
    return indexed.delimiter;
  }
  const body = withoutBom(text);
  const delimiter = forced?.delimiter ?? detectDelimiter(body.split(/\r\n|\n|\r/));
  parseQuoted(body, delimiter, file, onRow);
  return delimiter;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const DECIMAL_COMMA_NUMBER = /^[+-]?\d+,\d+(?:[eE][+-]?\d+)?$/;

/** A cell written digit,digit: with a separator other than the comma, the text uses decimal commas. */
export function hasDecimalCommaNumber(cells: readonly string[]): boolean {
  return cells.some((c) => DECIMAL_COMMA_NUMBER.test(c));
}

/** Parses delimited text into rows with their line numbers. Empty lines are dropped. */
export function parseDelimited(text: string, file: string, forced?: { delimiter?: ',' | ';' | '\t' }): DelimitedTable {
  const rows: DelimitedRow[] = [];
  const delimiter = forEachDelimitedRow(text, file, (row) => rows.push(row), forced);
  return { rows, delimiter, decimalComma: delimiter !== ',' && rows.some((r) => hasDecimalCommaNumber(r.cells)) };
}

/** Rows that can be looked at one by one, materialised when asked for (an array of rows is one). */
export interface RowSequence {
  readonly length: number;
  /** The row at a 0-based index, or undefined past the end. */
  at(index: number): DelimitedRow | undefined;
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const COMMA = 0x2c;

/**
 * Delimited text without a quote character (no cell can hold a separator or a line break), indexed by row: where
 * each non-empty line starts and ends and which line it is, found by char codes. A row's cells become strings only
 * when the row is asked for (at), and a CellCursor reads the cells of data rows without making strings at all, so
 * a reader that wants the numbers of a few hundred data rows no longer splits and trims every line (String.split and
 * trim were 12 % of reading an isotherm, and most of its garbage).
 *
 * Rows, line numbers, cells and the separator are exactly those of splitting on /\r\n|\n|\r/ and splitLine:
 * a line is dropped when every cell is empty after trimming, i.e. when it holds only blanks and separators.
 */
export class UnquotedText {
  private readonly rows: (DelimitedRow | undefined)[] = [];
  private decimalCommaSeen: boolean | undefined;

  private constructor(
    /** The text without its BOM. */
    readonly text: string,
    readonly delimiter: ',' | ';' | '\t',
    /** Per row: offset of its first character, of the end of its line (before the break), and its 1-based line. */
    private readonly rowStart: Int32Array,
    private readonly rowEnd: Int32Array,
    private readonly rowLine: Int32Array,
    readonly length: number,
  ) {}

  /** The indexed text, or null when it holds a quote (csv-parse must split it). */
  static of(text: string, forced?: { delimiter?: ',' | ';' | '\t' }): UnquotedText | null {
    const body = withoutBom(text);
    if (body.includes('"')) return null;
    const lines = countLines(body);
    // One allocation for the whole index (a typed array over 64 bytes has a backing store of its own, and those
    // cost more to make than to fill): per line its start and end, then rows, in place (row r ≤ line i).
    const index = new Int32Array(3 * lines);
    const rowStart = index.subarray(0, lines);
    const rowEnd = index.subarray(lines, 2 * lines);
    const rowLine = index.subarray(2 * lines);
    findLines(body, rowStart, rowEnd);
    const delimiter = forced?.delimiter ?? detectDelimiter(delimiterSample(body, rowStart, rowEnd));
    const separator = delimiter.charCodeAt(0);
    let rows = 0;
    for (let i = 0; i < lines; i++) {
      const start = rowStart[i]!;
      const end = rowEnd[i]!;
      if (!holdsCellText(body, start, end, separator)) continue;
      rowStart[rows] = start;
      rowEnd[rows] = end;
      rowLine[rows] = i + 1;
      rows++;
    }
    return new UnquotedText(body, delimiter, rowStart, rowEnd, rowLine, rows);
  }

  /** The row at `index` with its cells (made once, then kept). */
  at(index: number): DelimitedRow | undefined {
    if (index < 0 || index >= this.length) return undefined;
    let row = this.rows[index];
    if (!row) this.rows[index] = row = this.makeRow(index);
    return row;
  }

  /** A new row object for `index` (not kept: for callers that walk every row once). */
  makeRow(index: number): DelimitedRow {
    const start = this.rowStart[index]!;
    const end = this.rowEnd[index]!;
    return { cells: trimmedCells(this.text, start, end, this.delimiter.charCodeAt(0)), line: this.rowLine[index]!, source: this.text.slice(start, end) };
  }

  /** 1-based line of the row at `index`. */
  line(index: number): number {
    return this.rowLine[index]!;
  }

  /** Reads the cells of the row at `index` into `cursor`; returns how many cells it has. */
  scanRow(index: number, cursor: CellCursor): number {
    return cursor.scan(this.text, this.rowStart[index]!, this.rowEnd[index]!, this.delimiter.charCodeAt(0));
  }

  /**
   * Whether a cell is written digit,digit (hasDecimalCommaNumber over every row), where the separator is not the
   * comma. Only cells with a comma in them can be, so rows without one are passed over without making strings.
   */
  get decimalComma(): boolean {
    if (this.decimalCommaSeen === undefined) this.decimalCommaSeen = this.delimiter !== ',' && this.text.includes(',') && this.anyDecimalCommaCell();
    return this.decimalCommaSeen;
  }

  private anyDecimalCommaCell(): boolean {
    const cursor = new CellCursor();
    for (let r = 0; r < this.length; r++) {
      const comma = this.text.indexOf(',', this.rowStart[r]!);
      if (comma < 0) return false;
      if (comma >= this.rowEnd[r]!) continue;
      const cells = this.scanRow(r, cursor);
      for (let k = 0; k < cells; k++) if (cursor.hasComma(k) && DECIMAL_COMMA_NUMBER.test(cursor.text(k))) return true;
    }
    return false;
  }
}

/** How many lines splitting on /\r\n|\n|\r/ gives (on \n alone where there is no \r). */
function countLines(text: string): number {
  let lines = 1;
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    return lines;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i++;
    if (code === CARRIAGE_RETURN || code === LINE_FEED) lines++;
  }
  return lines;
}

/** Line starts and ends (before the break) as splitting on /\r\n|\n|\r/ gives them; room for countLines(text). */
function findLines(text: string, lineStart: Int32Array, lineEnd: Int32Array): void {
  let line = 0;
  let start = 0;
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', start)) {
      lineStart[line] = start;
      lineEnd[line++] = at;
      start = at + 1;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== LINE_FEED && code !== CARRIAGE_RETURN) continue;
      lineStart[line] = start;
      lineEnd[line++] = i;
      if (code === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i++;
      start = i + 1;
    }
  }
  lineStart[line] = start;
  lineEnd[line] = text.length;
}

/** The lines detectDelimiter looks at: the first 40 that are not blank. */
function delimiterSample(text: string, lineStart: Int32Array, lineEnd: Int32Array): string[] {
  const sample: string[] = [];
  for (let i = 0; i < lineStart.length && sample.length < 40; i++) {
    const start = lineStart[i]!;
    const end = lineEnd[i]!;
    if (holdsCellText(text, start, end, -1)) sample.push(text.slice(start, end));
  }
  return sample;
}

/** A character that is neither a blank trim() removes nor the separator: some cell of the line is not empty. */
function holdsCellText(text: string, start: number, end: number, separator: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== separator && !isTrimmedSpace(code)) return true;
  }
  return false;
}

/**
 * The cells of one row as offsets into its text, trimmed as splitLine trims them; reused from row to row, so reading
 * a data row makes no strings. Numbers are parsed from the characters (parseDecimalFast), text only when asked.
 */
export class CellCursor {
  private text_ = '';
  private cellStart = new Int32Array(16);
  private cellEnd = new Int32Array(16);
  private count = 0;

  scan(text: string, start: number, end: number, separator: number): number {
    this.text_ = text;
    let count = 0;
    let cellStart = start;
    for (let i = start; i <= end; i++) {
      if (i < end && text.charCodeAt(i) !== separator) continue;
      if (count === this.cellStart.length) this.grow();
      let s = cellStart;
      let e = i;
      while (s < e && isTrimmedSpace(text.charCodeAt(s))) s++;
      while (e > s && isTrimmedSpace(text.charCodeAt(e - 1))) e--;
      this.cellStart[count] = s;
      this.cellEnd[count] = e;
      count++;
      cellStart = i + 1;
    }
    this.count = count;
    return count;
  }

  private grow(): void {
    const start = new Int32Array(this.cellStart.length * 2);
    const end = new Int32Array(this.cellEnd.length * 2);
    start.set(this.cellStart);
    end.set(this.cellEnd);
    this.cellStart = start;
    this.cellEnd = end;
  }

  /** The trimmed text of cell k ('' past the last cell, as for a missing cell). */
  text(k: number): string {
    return k < this.count ? this.text_.slice(this.cellStart[k]!, this.cellEnd[k]!) : '';
  }

  /** tryParseNumber(text(k), decimalComma), without making the string for a plain decimal. */
  number(k: number, decimalComma: boolean): number | null {
    if (k >= this.count) return tryParseNumber('', decimalComma);
    return tryParseNumberIn(this.text_, this.cellStart[k]!, this.cellEnd[k]!, decimalComma);
  }

  isEmpty(k: number): boolean {
    return k >= this.count || this.cellStart[k] === this.cellEnd[k];
  }

  /** Whether cell k is exactly `word` (compared by char codes). */
  equals(k: number, word: string): boolean {
    if (k >= this.count) return false;
    const start = this.cellStart[k]!;
    if (this.cellEnd[k]! - start !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.text_.charCodeAt(start + i) !== word.charCodeAt(i)) return false;
    return true;
  }

  /** Whether cell k begins with an ASCII letter (cells are trimmed: no blank can come first). */
  startsWithAsciiLetter(k: number): boolean {
    if (k >= this.count || this.cellStart[k] === this.cellEnd[k]) return false;
    const lowerCase = this.text_.charCodeAt(this.cellStart[k]!) | 0x20;
    return lowerCase >= 0x61 && lowerCase <= 0x7a;
  }

  /** Start and end offsets of cells 0…columns − 1 into `into` from `at` (an empty range 0, 0 for a missing cell). */
  copyOffsets(into: Int32Array, at: number, columns: number): void {
    for (let k = 0; k < columns; k++) {
      const present = k < this.count;
      into[at + 2 * k] = present ? this.cellStart[k]! : 0;
      into[at + 2 * k + 1] = present ? this.cellEnd[k]! : 0;
    }
  }

  hasComma(k: number): boolean {
    for (let i = this.cellStart[k]!; i < this.cellEnd[k]!; i++) if (this.text_.charCodeAt(i) === COMMA) return true;
    return false;
  }
}

/** splitLine(text.slice(start, end), separator), cut by the cursor: no split array of untrimmed cells, no trim calls. */
const rowCursor = new CellCursor();
function trimmedCells(text: string, start: number, end: number, separator: number): string[] {
  const count = rowCursor.scan(text, start, end, separator);
  // Sized up front: an array grown by push reserves room for 17 cells from the first.
  const cells = new Array<string>(count);
  for (let k = 0; k < count; k++) cells[k] = rowCursor.text(k);
  return cells;
}
