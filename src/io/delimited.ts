/**
 * Delimited text (CSV, semicolon, tab) as exported by instruments and spreadsheets: separator and decimal comma
 * are detected from the content; quoted cells with separators inside them are honoured (csv-parse).
 */
import type { parse as Parse } from 'csv-parse/sync';
import { lazyRequire } from '../lazy-require.js';

const csvParse = lazyRequire<{ parse: typeof Parse }>('csv-parse/sync');
import { InputError } from '../errors.js';

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
  for (const d of CANDIDATES) {
    const counts = sample.map((l) => occurrences(l, d));
    const withIt = counts.filter((c) => c > 0).length;
    if (withIt === 0) continue;
    // Lines that carry the separator, weighted by how often the most common count repeats.
    const mode = new Map<number, number>();
    for (const c of counts) if (c > 0) mode.set(c, (mode.get(c) ?? 0) + 1);
    const score = withIt + Math.max(...mode.values());
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function occurrences(line: string, char: string): number {
  let count = 0;
  for (let at = line.indexOf(char); at >= 0; at = line.indexOf(char, at + 1)) count++;
  return count;
}

/**
 * Text without a quote character cannot hold a quoted cell, so a plain split gives exactly what csv-parse would —
 * and csv-parse costs about 25 µs a line, which dominates a batch of thousands of files.
 */
function splitPlain(lines: string[], delimiter: string, onRow: (row: DelimitedRow) => void): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const cells = splitLine(line, delimiter);
    if (cells.every((c) => c === '')) continue;
    onRow({ cells, line: i + 1, source: line });
  }
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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A plain split where the text has no carriage return (most files here): same lines, without the regular expression.
  const lines = body.includes('\r') ? body.split(/\r\n|\n|\r/) : body.split('\n');
  const delimiter = forced?.delimiter ?? detectDelimiter(lines);
  if (body.includes('"')) parseQuoted(body, delimiter, file, onRow);
  else splitPlain(lines, delimiter, onRow);
  return delimiter;
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
