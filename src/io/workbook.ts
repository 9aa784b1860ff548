/**
 * Spreadsheet access for the readers of .xls (BIFF8) and .xlsx exports, through SheetJS (@e965/xlsx, the maintained
 * fork with its security fixes: ../shared/docs/toolchain.md). The workbook is opened once per input and shared by
 * every reader's detection. A sheet's declared size is checked against hard limits before any of its cells is
 * visited, and SheetJS is told to stop reading past the row limit.
 */
import * as XLSX from '@e965/xlsx';
import { InputError, type ErrorLocation } from '../errors.js';
import { isZip } from './decode.js';
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

/**
 * A workbook whose sheets are parsed when first asked for (a 3P export carries an 11 MB equilibration log that no
 * reader looks at). Each sheet is read cut to PREVIEW_ROWS rows first; only a longer one is read again in full,
 * after its declared size has passed the limits.
 */
export class Workbook {
  private readonly worksheets = new Map<string, XLSX.WorkSheet>();
  private readonly grids = new Map<string, SheetGrid>();
  private properties: XLSX.WorkBook['Workbook'];

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

  sheets(names: readonly string[]): SheetGrid[] {
    this.load(names);
    return names.map((name) => this.gridOf(name, this.worksheets.get(name)!, this.grids));
  }

  /**
   * The first PREVIEW_ROWS rows of each sheet, without reading longer sheets in full: enough to find a header, and
   * what detection should use when it may meet another vendor's long log sheet.
   */
  heads(names: readonly string[]): SheetGrid[] {
    this.loadPreviews(names);
    return names.map((name) => this.gridOf(name, this.worksheets.get(name) ?? this.previews.get(name)!, this.headGrids));
  }

  /** SheetJS's own workbook with every sheet parsed in full. */
  complete(): XLSX.WorkBook {
    this.load(this.sheetNames);
    return { SheetNames: [...this.sheetNames], Sheets: Object.fromEntries(this.worksheets), ...(this.properties ? { Workbook: this.properties } : {}) };
  }

  private readonly previews = new Map<string, XLSX.WorkSheet>();
  private readonly headGrids = new Map<string, SheetGrid>();

  private gridOf(name: string, ws: XLSX.WorkSheet, cache: Map<string, SheetGrid>): SheetGrid {
    let grid = cache.get(name);
    if (!grid) {
      grid = toGrid(this.input.file, name, ws);
      cache.set(name, grid);
    }
    return grid;
  }

  /** Reads the sheets not yet read, cut to PREVIEW_ROWS; a sheet that fits is complete. */
  private loadPreviews(names: readonly string[]): void {
    const missing = [...new Set(names)].filter((n) => !this.worksheets.has(n) && !this.previews.has(n));
    if (missing.length === 0) return;
    const unknown = missing.find((n) => !this.hasSheet(n));
    if (unknown !== undefined) throw new InputError('E_MISSING_COLUMN', `the workbook has no sheet "${unknown}"`, { file: this.input.file });
    const preview = readBook(this.input, { sheets: missing, dense: true, sheetRows: PREVIEW_ROWS });
    this.properties ??= preview.Workbook;
    for (const name of missing) {
      const ws = preview.Sheets[name] ?? {};
      checkSize(this.input.file, name, ws);
      // '!fullref' is the range the sheet declares when SheetJS cut it to sheetRows.
      if (ws['!fullref'] !== undefined && ws['!fullref'] !== ws['!ref']) this.previews.set(name, ws);
      else this.worksheets.set(name, ws);
    }
  }

  private load(names: readonly string[]): void {
    this.loadPreviews(names);
    const longer = [...new Set(names)].filter((n) => !this.worksheets.has(n));
    if (longer.length === 0) return;
    const full = readBook(this.input, { sheets: longer, dense: true, sheetRows: MAX_SHEET_ROWS + 1 });
    for (const name of longer) this.worksheets.set(name, full.Sheets[name] ?? {});
  }
}

/** Rows of a first read; instrument report sheets are far shorter. */
const PREVIEW_ROWS = 2_000;

const opened = new WeakMap<RawInput, Workbook>();

/** The workbook of a spreadsheet input (cached per input). Throws E_BAD_SPREADSHEET for a corrupt container. */
export function openWorkbook(input: RawInput): Workbook {
  let book = opened.get(input);
  if (!book) {
    book = new Workbook(input, readBook(input, { bookSheets: true }).SheetNames);
    opened.set(input, book);
  }
  return book;
}

/**
 * SheetJS's ZIP path, exported but undocumented: XLSX.read = CFB.read (inflate every entry) + parse_zip. Keeping the
 * inflated container lets every later read of an xlsx cost only the parse of the sheets asked for (~10 ms instead
 * of ~90 ms for a 3P export); output is identical. If a SheetJS version drops it, XLSX.read serves.
 */
interface SheetJsInternals {
  CFB?: { read(data: Uint8Array, options: { type: 'buffer' }): unknown };
  parse_zip?: (container: unknown, options: XLSX.ParsingOptions) => XLSX.WorkBook;
}
const internals = XLSX as unknown as SheetJsInternals;
const containers = new WeakMap<RawInput, unknown>();

/**
 * SheetJS reports damaged records of a corrupt .xls on the console ("Missing Info for XLS Record 0x295f"); poregrade
 * promises one line on stderr per bad file, so the console is silenced while it reads and the outcome is judged by
 * what it returns or throws.
 */
function quietly<T>(read: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const silent = (): void => {};
  console.error = silent;
  console.warn = silent;
  console.log = silent;
  try {
    return read();
  } finally {
    Object.assign(console, saved);
  }
}

function readBook(input: RawInput, options: XLSX.ParsingOptions): XLSX.WorkBook {
  const settings: XLSX.ParsingOptions = { cellText: false, cellHTML: false, cellFormula: false, cellNF: false, ...options };
  return quietly(() => readQuietly(input, settings));
}

function readQuietly(input: RawInput, settings: XLSX.ParsingOptions): XLSX.WorkBook {
  try {
    if (isZip(input.bytes) && internals.CFB && internals.parse_zip) {
      let container = containers.get(input);
      if (container === undefined) {
        container = internals.CFB.read(input.bytes, { type: 'buffer' });
        containers.set(input, container);
      }
      return internals.parse_zip(container, settings);
    }
    return XLSX.read(input.bytes, { type: 'buffer', ...settings });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError('E_BAD_SPREADSHEET', `the spreadsheet cannot be read: ${why.length > 120 ? why.slice(0, 120) + '…' : why}`, { file: input.file });
  }
}

/** The range the sheet declares ('!fullref' when SheetJS cut it to sheetRows), checked against the limits. */
function checkSize(file: string, name: string, ws: XLSX.WorkSheet): void {
  const declared = (ws['!fullref'] as string | undefined) ?? ws['!ref'];
  if (!declared) return;
  const range = XLSX.utils.decode_range(declared);
  const rows = range.e.r + 1;
  const columns = range.e.c + 1;
  if (rows > MAX_SHEET_ROWS || columns > MAX_SHEET_COLUMNS || rows * columns > MAX_SHEET_CELLS) {
    throw new InputError(
      'E_SHEET_TOO_LARGE',
      `sheet "${name}" spans ${declared} (${rows} rows × ${columns} columns), over the limits of ${MAX_SHEET_ROWS} rows, ${MAX_SHEET_COLUMNS} columns and ${MAX_SHEET_CELLS} cells`,
      { file, field: `sheet ${name}` },
    );
  }
}

function toGrid(file: string, name: string, ws: XLSX.WorkSheet): SheetGrid {
  if (!ws['!ref']) return new SheetGrid(file, name, [], 0, 0);
  const range = XLSX.utils.decode_range(ws['!ref']);
  const data = (ws['!data'] as (XLSX.CellObject | undefined)[][] | undefined) ?? [];
  return new SheetGrid(file, name, data, range.e.r + 1, range.e.c + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Row-array access (the BELSORP .xls reader's interface), over the same cached workbook and the same size checks.

/** The complete parsed workbook of a spreadsheet input (cached per input). */
export function readWorkbook(input: RawInput): XLSX.WorkBook {
  return openWorkbook(input).complete();
}

/** Sheet names, or [] for an input that is not a spreadsheet or cannot be read (detection must never throw). */
export function sheetNamesOf(input: RawInput): string[] {
  if (!input.isSpreadsheet) return [];
  try {
    return [...openWorkbook(input).sheetNames];
  } catch {
    return [];
  }
}

/** Finds a sheet by name, ignoring case and surrounding spaces. */
export function findSheet(workbook: XLSX.WorkBook, name: string): XLSX.WorkSheet | undefined {
  const wanted = name.trim().toLowerCase();
  const actual = workbook.SheetNames.find((n) => n.trim().toLowerCase() === wanted);
  return actual === undefined ? undefined : workbook.Sheets[actual];
}

/** The cells of a sheet as rows of values (row 0 = spreadsheet row 1), after the size check. */
export function sheetRows(sheet: XLSX.WorkSheet, file: string, sheetName: string): CellValue[][] {
  checkSize(file, sheetName, sheet);
  if (!sheet['!ref']) return [];
  const raw = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  return raw.map((row) => row.map(toCellValue));
}

function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** A1-style name of a cell (0-based row and column), for error messages. */
export function cellName(row: number, column: number): string {
  return XLSX.utils.encode_cell({ r: row, c: column });
}

/** True when the workbook stores dates as days since 1904 (old Mac Excel) rather than since 1900. */
export function usesDate1904(workbook: XLSX.WorkBook): boolean {
  return Boolean(workbook.Workbook?.WBProps?.date1904);
}

/**
 * ISO date (YYYY-MM-DD) of an Excel date serial. Day 0 of the 1900 system is 1899-12-30 in practice (Excel's
 * fictitious 1900-02-29 makes serials from March 1900 on count from there); the 1904 system counts from 1904-01-01.
 */
export function excelSerialToIsoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const epochMs = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epochMs + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}
