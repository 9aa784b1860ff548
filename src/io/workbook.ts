/**
 * Spreadsheet access for the readers of .xls (BIFF8) and .xlsx exports, through SheetJS (@e965/xlsx, the maintained
 * fork with its security fixes: ../shared/docs/toolchain.md). Sheets are parsed on demand — one 3P workbook carries
 * a 72 000-row equilibration log that no reader needs and that alone takes a second to parse — and cached per
 * input, so that detection by several readers costs one parse. A sheet's size is checked against hard limits
 * before any of its cells is visited, and SheetJS is told to stop reading past the row limit.
 */
import * as XLSX from '@e965/xlsx';
import { InputError, type ErrorLocation } from '../errors.js';
import type { RawInput } from './input.js';

/** Instrument exports hold at most a few thousand rows; 100 000 leaves room for raw pressure logs. */
export const MAX_SHEET_ROWS = 100_000;
/** The xlsx format's own column limit (XFD); BIFF8 allows 256. */
export const MAX_SHEET_COLUMNS = 16_384;
/** Rows × columns of the declared range. */
export const MAX_SHEET_CELLS = 1_000_000;

export type CellValue = string | number | boolean | null;

/** One worksheet as a 0-based grid of cell values (dense, bounded by the checks above). */
export class SheetGrid {
  constructor(
    readonly file: string,
    readonly name: string,
    private readonly data: readonly (readonly (XLSX.CellObject | undefined)[] | undefined)[],
    readonly rowCount: number,
    readonly columnCount: number,
  ) {}

  /** The raw value: a number, a string, a boolean, or null for an empty or error cell. */
  value(row: number, column: number): CellValue {
    const cell = this.data[row]?.[column];
    if (!cell || cell.v === undefined || cell.t === 'e' || cell.t === 'z') return null;
    const v = cell.v;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return null;
  }

  /** The cell as trimmed text ('' when empty); numbers in their shortest round-trip form. */
  text(row: number, column: number): string {
    const v = this.value(row, column);
    return v === null ? '' : String(v).trim();
  }

  /** `Sheet1!H31`. */
  address(row: number, column: number): string {
    return `${this.name}!${XLSX.utils.encode_cell({ r: row, c: column })}`;
  }

  /** Error location of a cell: the file, the sheet row as the line, the cell (and what it holds) as the field. */
  where(row: number, column: number, what?: string): ErrorLocation {
    return { file: this.file, line: row + 1, field: what ? `${this.address(row, column)} (${what})` : this.address(row, column) };
  }
}

/** A workbook whose sheets are parsed when first asked for. */
export class Workbook {
  private readonly parsed = new Map<string, SheetGrid>();

  constructor(
    private readonly input: RawInput,
    readonly sheetNames: readonly string[],
  ) {}

  hasSheet(name: string): boolean {
    return this.sheetNames.includes(name);
  }

  /** The named sheet; throws E_SHEET_TOO_LARGE before visiting the cells of an absurdly large one. */
  sheet(name: string): SheetGrid {
    return this.sheets([name])[0]!;
  }

  /** Several sheets, parsed in one pass (a BIFF file is decoded whole whichever sheets are asked for). */
  sheets(names: readonly string[]): SheetGrid[] {
    const missing = names.filter((n) => !this.parsed.has(n));
    const unknown = missing.find((n) => !this.hasSheet(n));
    if (unknown !== undefined) throw new InputError('E_MISSING_COLUMN', `the workbook has no sheet "${unknown}"`, { file: this.input.file });
    if (missing.length > 0) {
      const book = readBook(this.input, { sheets: missing, dense: true, sheetRows: MAX_SHEET_ROWS + 1 });
      for (const name of missing) {
        const ws = book.Sheets[name];
        this.parsed.set(name, ws ? toGrid(this.input.file, name, ws) : new SheetGrid(this.input.file, name, [], 0, 0));
      }
    }
    return names.map((n) => this.parsed.get(n)!);
  }
}

const opened = new WeakMap<RawInput, Workbook>();

/** The workbook of a spreadsheet input (cached per input). Throws E_BAD_SPREADSHEET for a corrupt container. */
export function openWorkbook(input: RawInput): Workbook {
  let book = opened.get(input);
  if (!book) {
    const names = readBook(input, { bookSheets: true }).SheetNames;
    book = new Workbook(input, names);
    opened.set(input, book);
  }
  return book;
}

function readBook(input: RawInput, options: XLSX.ParsingOptions): XLSX.WorkBook {
  try {
    return XLSX.read(input.bytes, { type: 'buffer', cellText: false, cellHTML: false, cellFormula: false, cellNF: false, ...options });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError('E_BAD_SPREADSHEET', `the spreadsheet cannot be read: ${why.length > 120 ? why.slice(0, 120) + '…' : why}`, { file: input.file });
  }
}

function toGrid(file: string, name: string, ws: XLSX.WorkSheet): SheetGrid {
  // '!fullref' is the range the file declares; '!ref' has been cut to sheetRows rows by SheetJS.
  const declared = (ws['!fullref'] as string | undefined) ?? ws['!ref'];
  if (!declared) return new SheetGrid(file, name, [], 0, 0);
  const range = XLSX.utils.decode_range(declared);
  const rows = range.e.r + 1;
  const columns = range.e.c + 1;
  if (rows > MAX_SHEET_ROWS || columns > MAX_SHEET_COLUMNS || rows * columns > MAX_SHEET_CELLS) {
    throw new InputError(
      'E_SHEET_TOO_LARGE',
      `sheet "${name}" spans ${declared} (${rows} rows × ${columns} columns), over the limits of ${MAX_SHEET_ROWS} rows, ${MAX_SHEET_COLUMNS} columns and ${MAX_SHEET_CELLS} cells`,
      { file, field: name },
    );
  }
  const data = (ws['!data'] as (XLSX.CellObject | undefined)[][] | undefined) ?? [];
  return new SheetGrid(file, name, data, rows, columns);
}
