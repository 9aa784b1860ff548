/**
 * The rows of a particle-size table, whether the file is delimited text (CSV, semicolon, tab; any encoding decode.ts
 * knows) or a spreadsheet (.xls/.xlsx, first sheet that holds data, read with SheetJS). Readers of tabular layouts
 * work on these rows and never care which it was.
 */
import { InputError } from '../../errors.js';
import { isOle2 } from '../decode.js';
import { CellCursor, parseDelimited, UnquotedText, type DelimitedRow, type RowSequence } from '../delimited.js';
import type { RawInput } from '../input.js';
import { readWorkbook, sheetRows } from '../workbook.js';

export interface SourceTable {
  /** Every row. For text without quotes made on first use: detection and the size-table reader need only a few. */
  readonly rows: DelimitedRow[];
  /** The rows one at a time, each made only when asked for (the same objects as in rows). */
  readonly sequence: RowSequence;
  /** Text without quotes, indexed: data rows can be read through a CellCursor, without a string per cell. */
  readonly unquoted: UnquotedText | null;
  /**
   * The rows that may be a table header: those with a cell whose first non-blank character is an ASCII letter.
   * Every header word the instrument detectors look for ("Sizes[1]", "p3 [%]", "Size Classes", "Diameter") starts
   * with one and number cells never do, so detection need not walk the hundreds of data rows of every file.
   */
  headerRows: DelimitedRow[];
  decimalComma: boolean;
  /** The text encoding, or 'xls'/'xlsx' for a spreadsheet. */
  encoding: string;
}

interface ParsedTable {
  rows: DelimitedRow[];
  decimalComma: boolean;
  encoding: string;
}

const cache = new WeakMap<RawInput, SourceTable>();

/** The rows of `input` (cached per input, since every reader's detect() asks for them). */
export function sourceTable(input: RawInput): SourceTable {
  let table = cache.get(input);
  if (!table) {
    table = (input.isSpreadsheet ? null : unquotedTable(input)) ?? arrayTable(input.isSpreadsheet ? spreadsheetTable(input) : textTable(input));
    cache.set(input, table);
  }
  return table;
}

function arrayTable(parsed: ParsedTable): SourceTable {
  return { ...parsed, sequence: parsed.rows, unquoted: null, headerRows: parsed.rows.filter((row) => row.cells.some(startsWithLetter)) };
}

/** Text without quotes: rows indexed, their cells made as asked for; null for text with quotes (csv-parse's). */
function unquotedTable(input: RawInput): SourceTable | null {
  const text = input.text;
  if (text.trim() === '') throw new InputError('E_EMPTY_FILE', 'the file holds only blank lines', { file: input.file });
  const indexed = UnquotedText.of(text);
  if (!indexed) return null;
  let rows: DelimitedRow[] | undefined;
  return {
    get rows(): DelimitedRow[] {
      return (rows ??= Array.from({ length: indexed.length }, (_, r) => indexed.at(r)!));
    },
    sequence: indexed,
    unquoted: indexed,
    headerRows: letterRows(indexed),
    decimalComma: indexed.decimalComma,
    encoding: input.encoding,
  };
}

/** The rows with a cell starting with a letter (cells are trimmed, so startsWithLetter's first character decides). */
function letterRows(text: UnquotedText): DelimitedRow[] {
  const cursor = new CellCursor();
  const found: DelimitedRow[] = [];
  for (let r = 0; r < text.length; r++) {
    const cells = text.scanRow(r, cursor);
    for (let k = 0; k < cells; k++) {
      if (cursor.startsWithAsciiLetter(k)) {
        found.push(text.at(r)!);
        break;
      }
    }
  }
  return found;
}

const BLANKS_THEN_LETTER = /^\s*[A-Za-z]/;

function startsWithLetter(cell: string): boolean {
  const code = cell.charCodeAt(0);
  const lowerCase = code | 0x20;
  if (lowerCase >= 0x61 && lowerCase <= 0x7a) return true;
  // Only a leading blank (ASCII or not) can hide a letter further in; \s blanks exactly what trim() removes.
  return (code <= 0x20 || code > 0x7f) && BLANKS_THEN_LETTER.test(cell);
}

function textTable(input: RawInput): ParsedTable {
  const text = input.text;
  if (text.trim() === '') throw new InputError('E_EMPTY_FILE', 'the file holds only blank lines', { file: input.file });
  const { rows, decimalComma } = parseDelimited(text, input.file);
  return { rows, decimalComma, encoding: input.encoding };
}

function spreadsheetTable(input: RawInput): ParsedTable {
  const encoding = isOle2(input.bytes) ? 'xls' : 'xlsx';
  // The checked reader: damaged containers and absurd sheets are refused before SheetJS walks them.
  const workbook = readWorkbook(input);
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (!sheet || !sheet['!ref']) continue;
    const rows: DelimitedRow[] = [];
    sheetRows(sheet, input.file, name).forEach((cells, index) => {
      const text = cells.map((c) => (c === null || c === undefined ? '' : String(c).trim()));
      if (text.some((c) => c !== '')) rows.push({ cells: text, line: index + 1 });
    });
    if (rows.length > 0) return { rows, decimalComma: false, encoding };
  }
  throw new InputError('E_EMPTY_FILE', 'every sheet of the spreadsheet is empty', { file: input.file });
}

/** For detect(): the rows, or why there are none (detection never throws). */
export function tableOrReason(input: RawInput): SourceTable | string {
  try {
    return sourceTable(input);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
