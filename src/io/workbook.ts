/**
 * Spreadsheet containers (BIFF8 .xls, .xlsx) through SheetJS. Every reader that looks at a workbook goes through
 * here so that the file is parsed once per input (detection asks every reader), a corrupt container becomes a typed
 * error, and a sheet that declares an absurd range is refused before anything iterates over it.
 */
import * as XLSX from '@e965/xlsx';
import { InputError } from '../errors.js';
import type { RawInput } from './input.js';

/** A declared sheet range larger than this is refused (a real instrument sheet has a few thousand cells). */
export const MAX_SHEET_CELLS = 1_000_000;

/** A cell as the readers see it: a number, a string (trimmed by the caller if needed), or null when empty. */
export type CellValue = number | string | boolean | null;

const parsed = new WeakMap<RawInput, XLSX.WorkBook>();

/** The parsed workbook of a spreadsheet input (cached per input). Throws E_BINARY when SheetJS cannot read it. */
export function readWorkbook(input: RawInput): XLSX.WorkBook {
  const cached = parsed.get(input);
  if (cached) return cached;
  let workbook: XLSX.WorkBook;
  try {
    // dense: rows are arrays, so a sparse sheet with a huge declared range costs nothing until it is iterated.
    // A Node Buffer view, not a plain Uint8Array: SheetJS takes a slow path for the latter on some damaged files
    // (seconds instead of milliseconds, found by the robustness test).
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    // SheetJS reports unknown BIFF records of damaged files with console.error; the CLI's stderr is for one-line
    // errors only, so it is muted for the (synchronous) read.
    const consoleError = console.error;
    console.error = () => undefined;
    try {
      workbook = XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: false, cellFormula: false, cellHTML: false });
    } finally {
      console.error = consoleError;
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError('E_BINARY', `the spreadsheet cannot be read (${why})`, { file: input.file }, 'open it in the instrument software or a spreadsheet program and save it again');
  }
  parsed.set(input, workbook);
  return workbook;
}

/** Sheet names, or [] for an input that is not a spreadsheet or cannot be read (detection must never throw). */
export function sheetNamesOf(input: RawInput): string[] {
  if (!input.isSpreadsheet) return [];
  try {
    return readWorkbook(input).SheetNames;
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

/**
 * The cells of a sheet as rows of values (row 0 = spreadsheet row 1). Refuses a declared range of more than
 * MAX_SHEET_CELLS cells with E_SHEET_TOO_LARGE before iterating it.
 */
export function sheetRows(sheet: XLSX.WorkSheet, file: string, sheetName: string): CellValue[][] {
  const ref = sheet['!ref'];
  if (!ref) return [];
  const range = XLSX.utils.decode_range(ref);
  const rows = range.e.r - range.s.r + 1;
  const columns = range.e.c - range.s.c + 1;
  if (!(rows > 0 && columns > 0) || rows * columns > MAX_SHEET_CELLS) {
    throw new InputError(
      'E_SHEET_TOO_LARGE',
      `sheet "${sheetName}" declares the range ${ref} (${rows} rows × ${columns} columns), more than ${MAX_SHEET_CELLS} cells`,
      { file, field: `sheet ${sheetName}` },
    );
  }
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
