/**
 * Spreadsheet containers (BIFF8 .xls, .xlsx) through SheetJS. Every reader that looks at a workbook goes through
 * here so that: detection reads sheet names only (a 3P export with a 70,000-row sheet takes seconds to parse in
 * full); each input is parsed once, and only the sheets a reader needs; a damaged container becomes a typed error
 * instead of a hang; and a sheet that declares an absurd range is refused before anything iterates over it.
 *
 * Two interfaces: row arrays of SheetJS sheets (readWorkbook, sheetRows: the BELSORP reader), and the lazily parsed
 * Workbook of SheetGrids (openWorkbook: the Micromeritics, 3P and generic readers), which reads each sheet cut to
 * PREVIEW_ROWS first so that detection never parses another vendor's long log sheet in full.
 */
import { inflateRawSync } from 'node:zlib';
import type * as XLSXTypes from '@e965/xlsx';
import { lazyRequire } from '../lazy-require.js';
import { InputError, type ErrorLocation } from '../errors.js';
import { readBiffBounded } from './bounded-sheetjs.js';
import { isOle2, isZip } from './decode.js';
import type { RawInput } from './input.js';

/** A declared sheet range larger than this is refused (a real instrument sheet has a few thousand cells). */
export const MAX_SHEET_CELLS = 1_000_000;
/** Instrument exports hold at most a few thousand rows; 100 000 leaves room for raw pressure logs. */
export const MAX_SHEET_ROWS = 100_000;
/** The xlsx format's own column limit (XFD); BIFF8 allows 256. */
export const MAX_SHEET_COLUMNS = 16_384;

/** Total uncompressed size allowed for an .xlsx (a zip bomb guard; real exports are a few MB). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;

/** A cell as the readers see it: a number, a string (trimmed by the caller if needed), or null when empty. */
export type CellValue = number | string | boolean | null;

const HINT = 'open it in the instrument software or a spreadsheet program and save it again';
const names = new WeakMap<RawInput, string[]>();
const parsed = new WeakMap<RawInput, Map<string, XLSXTypes.WorkBook>>();
const checked = new WeakSet<RawInput>();

/**
 * SheetJS's ZIP path, exported but undocumented: XLSX.read = CFB.read (inflate every member) + parse_zip. Keeping the
 * inflated container makes every later read of an xlsx cost only the parse of the sheets asked for (~10 ms instead
 * of ~90 ms for a 3P export); the output is identical. If a SheetJS version drops them, XLSX.read serves.
 */
interface SheetJsInternals {
  CFB?: { read(data: Buffer, options: { type: 'buffer' }): unknown };
  parse_zip?: (container: unknown, options: XLSXTypes.ParsingOptions) => XLSXTypes.WorkBook;
}
/** SheetJS is ~70 ms to import; only spreadsheet inputs load it. */
const sheetjsLib = lazyRequire<typeof XLSXTypes>('@e965/xlsx');
const internals = (): SheetJsInternals => sheetjsLib() as unknown as SheetJsInternals;
const containers = new WeakMap<RawInput, unknown>();

/**
 * Runs SheetJS on the input's bytes. A Node Buffer view, not a plain Uint8Array: SheetJS takes a slow path for the
 * latter on some damaged files (seconds instead of milliseconds). SheetJS reports unknown BIFF records with
 * console.error; the CLI's stderr is for one-line errors only, so it is muted for the (synchronous) read.
 */
/** A spreadsheet that failed to parse fails the same way for every reader that asks, at once. */
const failures = new WeakMap<RawInput, InputError>();

function sheetjs(input: RawInput, options: XLSXTypes.ParsingOptions): XLSXTypes.WorkBook {
  const failed = failures.get(input);
  if (failed) throw failed;
  try {
    return parseSheetjs(input, options);
  } catch (error) {
    if (error instanceof InputError) failures.set(input, error);
    throw error;
  }
}

function parseSheetjs(input: RawInput, options: XLSXTypes.ParsingOptions): XLSXTypes.WorkBook {
  if (!checked.has(input)) {
    if (isZip(input.bytes)) checkZip(input.bytes, input.file);
    if (isOle2(input.bytes)) checkCompoundFile(input.bytes, input.file);
    checked.add(input);
  }
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const consoleError = console.error;
  console.error = () => undefined;
  try {
    const { CFB, parse_zip: parseZip } = internals();
    if (isZip(input.bytes) && CFB && parseZip) {
      // The archive has passed checkZip, so SheetJS's inflate is safe on it; inflating it once serves every read.
      let container = containers.get(input);
      if (container === undefined) {
        container = CFB.read(bytes, { type: 'buffer' });
        containers.set(input, container);
      }
      return parseZip(container, options);
    }
    // BIFF: on a worker with a time limit (bounded-sheetjs.ts); ZIP containers have passed checkZip above.
    if (isOle2(input.bytes)) return readBiffBounded(input.bytes, options, input.file);
    return sheetjsLib().read(bytes, { type: 'buffer', ...options });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError('E_BINARY', `the spreadsheet cannot be read (${why})`, { file: input.file }, HINT);
  } finally {
    console.error = consoleError;
  }
}

/**
 * The parsed workbook of a spreadsheet input, with only `sheets` parsed when given (cached per input and sheet
 * list). Throws E_BINARY when the container is damaged or SheetJS cannot read it.
 */
export function readWorkbook(input: RawInput, sheets?: readonly string[]): XLSXTypes.WorkBook {
  const key = sheets ? sheets.join('\u0000') : '*';
  let cache = parsed.get(input);
  const cached = cache?.get(key);
  if (cached) return cached;
  // dense: rows are arrays, so a sparse sheet with a huge declared range costs nothing until it is iterated.
  const workbook = sheetjs(input, { dense: true, cellDates: false, cellFormula: false, cellHTML: false, ...(sheets ? { sheets: [...sheets] } : {}) });
  if (!cache) parsed.set(input, (cache = new Map()));
  cache.set(key, workbook);
  return workbook;
}

/** Sheet names of a spreadsheet input, read without parsing the sheets; E_BINARY when the container is damaged. */
export function readSheetNames(input: RawInput): string[] {
  const cached = names.get(input);
  if (cached) return cached;
  const result = sheetjs(input, { bookSheets: true }).SheetNames;
  names.set(input, result);
  return result;
}

/** Sheet names, or [] for an input that is not a spreadsheet or cannot be read (detection must never throw). */
export function sheetNamesOf(input: RawInput): string[] {
  if (!input.isSpreadsheet) return [];
  try {
    return readSheetNames(input);
  } catch {
    return [];
  }
}

/**
 * Checks every member of a zip container before SheetJS sees it: SheetJS's own inflate loops forever on some
 * damaged deflate streams (found by fuzzing a mutated .xlsx), while node:zlib fails fast. Verifies sizes and CRC-32
 * and bounds the total uncompressed size. Zip layout: PKWARE APPNOTE.TXT 6.3.10, sections 4.3.7 (local header),
 * 4.3.12 (central directory header) and 4.3.16 (end of central directory).
 */
export function checkZip(bytes: Uint8Array, file: string): void {
  const fail = (why: string): never => {
    throw new InputError('E_BINARY', `the .xlsx container is damaged (${why})`, { file }, HINT);
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail('no end-of-central-directory record: the file is truncated');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) fail(`central directory entry ${n + 1} is missing`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = Buffer.from(bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLength))).toString('latin1');
    if (compressedSize === 0xffffffff || size === 0xffffffff) fail(`${name}: zip64 members are not supported`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) fail(`${name}: local header missing`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedSize > bytes.length) fail(`${name}: data runs past the end of the file`);
    total += size;
    if (total > MAX_XLSX_UNCOMPRESSED_BYTES) fail(`more than ${MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024} MB uncompressed`);
    const data = bytes.subarray(start, start + compressedSize);
    let content: Uint8Array;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
      } catch (error) {
        fail(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else fail(`${name}: compression method ${method} is not deflate`);
    if (content!.length !== size) fail(`${name}: ${content!.length} bytes instead of ${size}`);
    if (crc32(content!) !== crc) fail(`${name}: CRC-32 mismatch`);
    at = next;
  }
}

/**
 * Checks the sector chains of an OLE2 compound file (.xls) before SheetJS follows them: SheetJS walks the chain of a
 * large stream without loop detection, and on a damaged file grows an array until V8 aborts the whole process
 * ("invalid size error", found by fuzzing a mutated Micromeritics .xls) — an error no try/catch can stop. Refused
 * here: FAT chains that merge (two sectors naming the same successor) and stream chains that loop. Layout: [MS-CFB]
 * 2.2 (header), 2.3 (FAT), 2.5 (DIFAT), 2.6 (directory entries).
 */
export function checkCompoundFile(bytes: Uint8Array, file: string): void {
  const fail = (why: string): never => {
    throw new InputError('E_BINARY', `the .xls container is damaged (${why})`, { file }, HINT);
  };
  const ENDOFCHAIN = -2;
  if (bytes.length < 512) fail('shorter than its 512-byte header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = view.getUint16(26, true);
  const sectorSize = major === 3 ? 512 : major === 4 ? 4096 : fail(`major version ${major}`);
  const sectors = Math.ceil(bytes.length / sectorSize) - 1;
  // As SheetJS reads it: bytes past the end of a truncated file count as zero (so the entry reads as sector 0).
  const int32 = (sector: number, offset: number): number => {
    const at = (sector + 1) * sectorSize + offset;
    if (at + 4 <= bytes.length) return view.getInt32(at, true);
    const byte = (k: number): number => bytes[at + k] ?? 0;
    return byte(0) | (byte(1) << 8) | (byte(2) << 16) | (byte(3) << 24);
  };
  const fatSectors: number[] = [];
  for (let j = 0; j < 109; j++) {
    const q = view.getInt32(76 + 4 * j, true);
    if (q < 0) break;
    fatSectors.push(q);
  }
  const seenDifat = new Set<number>();
  for (let d = view.getInt32(68, true); d >= 0; d = int32(d, sectorSize - 4)) {
    if (d >= sectors || seenDifat.has(d)) fail('the DIFAT chain loops or leaves the file');
    seenDifat.add(d);
    for (let j = 0; j < sectorSize / 4 - 1; j++) {
      const q = int32(d, 4 * j);
      if (q === ENDOFCHAIN) break;
      fatSectors.push(q);
    }
  }
  const next = (j: number): number => {
    const fatSector = fatSectors[Math.floor((j * 4) / sectorSize)];
    if (fatSector === undefined || fatSector < 0 || fatSector >= sectors) return ENDOFCHAIN;
    return int32(fatSector, (j * 4) % sectorSize);
  };
  const predecessor = new Int32Array(sectors).fill(-1);
  for (let j = 0; j < sectors; j++) {
    const n = next(j);
    if (n < 0 || n >= sectors) continue;
    if (predecessor[n] !== -1) fail(`sectors ${predecessor[n]} and ${j} both continue in sector ${n}`);
    predecessor[n] = j;
  }
  /** The sectors of the chain from `start`, or a failure if it loops. */
  // SheetJS keeps following a chain through sector numbers past the end of the file as long as the FAT has an entry
  // for them (a truncated file), so the walk here does too; it stops only where SheetJS stops.
  const chain = (start: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let j = start; j >= 0; j = next(j)) {
      if (seen.has(j)) fail(`the chain of ${what} loops`);
      seen.add(j);
      out.push(j);
    }
    return out;
  };
  for (const sector of chain(view.getInt32(48, true), 'the directory')) {
    if (sector >= sectors) break;
    for (let e = 0; e < sectorSize; e += 128) {
      const at = (sector + 1) * sectorSize + e;
      if (at + 128 > bytes.length) break;
      const type = bytes[at + 66];
      const start = view.getInt32(at + 116, true);
      const size = view.getInt32(at + 120, true);
      // Streams of 4096 bytes or more live in the FAT (smaller ones in the mini stream, bounded by their size).
      if (type !== 5 && size >= 4096 && start >= 0) chain(start, `directory entry ${e / 128} of sector ${sector}`);
    }
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3 polynomial, as zip uses). */
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Finds a sheet by name, ignoring case and surrounding spaces. */
export function findSheet(workbook: XLSXTypes.WorkBook, name: string): XLSXTypes.WorkSheet | undefined {
  const wanted = name.trim().toLowerCase();
  const actual = workbook.SheetNames.find((n) => n.trim().toLowerCase() === wanted);
  return actual === undefined ? undefined : workbook.Sheets[actual];
}

/**
 * The cells of a sheet as rows of values, row 0 / column 0 being cell A1. Refuses a declared range of more than
 * MAX_SHEET_CELLS cells with E_SHEET_TOO_LARGE before iterating it.
 */
export function sheetRows(sheet: XLSXTypes.WorkSheet, file: string, sheetName: string): CellValue[][] {
  const ref = sheet['!ref'];
  if (!ref) return [];
  const range = sheetjsLib().utils.decode_range(ref);
  // Rows and columns are counted from A1 so that indices are spreadsheet positions whatever the range's start.
  const rows = range.e.r + 1;
  const columns = range.e.c + 1;
  if (!(rows > 0 && columns > 0 && range.s.r >= 0 && range.s.c >= 0) || rows * columns > MAX_SHEET_CELLS) {
    throw new InputError(
      'E_SHEET_TOO_LARGE',
      `sheet "${sheetName}" declares the range ${ref} (${rows} rows × ${columns} columns from A1), more than ${MAX_SHEET_CELLS} cells`,
      { file, field: `sheet ${sheetName}` },
    );
  }
  const raw = sheetjsLib().utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true, range: { s: { r: 0, c: 0 }, e: range.e } });
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
  return sheetjsLib().utils.encode_cell({ r: row, c: column });
}

/** True when the workbook stores dates as days since 1904 (old Mac Excel) rather than since 1900. */
export function usesDate1904(workbook: XLSXTypes.WorkBook): boolean {
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

// ---------------------------------------------------------------------------------------------------------------
// SheetGrid / Workbook: sheets parsed on demand, several per read, each checked against the size limits.

/** One worksheet as a 0-based grid of cell values (dense, bounded by the checks below). */
export class SheetGrid {
  constructor(
    readonly file: string,
    readonly name: string,
    private readonly data: readonly (readonly (XLSXTypes.CellObject | undefined)[] | undefined)[],
    readonly rowCount: number,
    readonly columnCount: number,
  ) {}

  /** The raw value: a number, a string, a boolean, or null for an empty or error cell. */
  value(row: number, column: number): CellValue {
    const cell = this.data[row]?.[column];
    if (!cell || cell.v === undefined || cell.t === 'e' || cell.t === 'z') return null;
    const v = cell.v;
    return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
  }

  /** The cell as trimmed text ('' when empty); numbers in their shortest round-trip form. */
  text(row: number, column: number): string {
    const v = this.value(row, column);
    return v === null ? '' : String(v).trim();
  }

  /** Error location of a cell: the file, the sheet row as the line, `Sheet1!H31 (what it holds)` as the field. */
  where(row: number, column: number, what?: string): ErrorLocation {
    const cell = `${this.name}!${cellName(row, column)}`;
    return { file: this.file, line: row + 1, field: what ? `${cell} (${what})` : cell };
  }
}

/** Rows of a first read; instrument report sheets are far shorter. */
const PREVIEW_ROWS = 2_000;

/** A workbook whose sheets are parsed when first asked for; a sheet longer than PREVIEW_ROWS is read twice. */
export class Workbook {
  private readonly worksheets = new Map<string, XLSXTypes.WorkSheet>();
  private readonly previews = new Map<string, XLSXTypes.WorkSheet>();
  private readonly grids = new Map<string, SheetGrid>();
  private readonly headGrids = new Map<string, SheetGrid>();

  constructor(
    private readonly input: RawInput,
    readonly sheetNames: readonly string[],
  ) {}

  hasSheet(name: string): boolean {
    return this.sheetNames.includes(name);
  }

  /** The named sheet, complete; throws E_SHEET_TOO_LARGE before visiting the cells of an absurdly large one. */
  sheet(name: string): SheetGrid {
    return this.sheets([name])[0]!;
  }

  /** Several sheets, complete, parsed in one read. */
  sheets(names: readonly string[]): SheetGrid[] {
    this.load(names);
    return names.map((name) => this.gridOf(name, this.worksheets.get(name)!, this.grids));
  }

  /** The first PREVIEW_ROWS rows of each sheet: enough to find a header, and all that detection should read. */
  heads(names: readonly string[]): SheetGrid[] {
    this.loadPreviews(names);
    return names.map((name) => this.gridOf(name, this.worksheets.get(name) ?? this.previews.get(name)!, this.headGrids));
  }

  private gridOf(name: string, ws: XLSXTypes.WorkSheet, cache: Map<string, SheetGrid>): SheetGrid {
    let grid = cache.get(name);
    if (!grid) {
      grid = toGrid(this.input.file, name, ws);
      cache.set(name, grid);
    }
    return grid;
  }

  /** Reads the sheets not yet read, cut to PREVIEW_ROWS; a sheet that fits is complete. */
  private loadPreviews(names: readonly string[]): void {
    const wanted = [...new Set(names)];
    const missing = wanted.filter((n) => !this.worksheets.has(n) && !this.previews.has(n) && !this.refused.has(n));
    const unknown = missing.find((n) => !this.hasSheet(n));
    if (unknown !== undefined) throw new InputError('E_MISSING_COLUMN', `the workbook has no sheet "${unknown}"`, { file: this.input.file });
    if (missing.length > 0) {
      const preview = sheetjs(this.input, { sheets: missing, dense: true, sheetRows: PREVIEW_ROWS, cellFormula: false, cellHTML: false, cellText: false });
      for (const name of missing) {
        const ws = preview.Sheets[name] ?? {};
        try {
          checkSize(this.input.file, name, ws);
        } catch (error) {
          // Remembered, so that the next reader's detection is refused at once instead of parsing the sheet again.
          this.refused.set(name, error as InputError);
          continue;
        }
        // '!fullref' is the range the sheet declares when SheetJS cut it to sheetRows.
        if (ws['!fullref'] !== undefined && ws['!fullref'] !== ws['!ref']) this.previews.set(name, ws);
        else this.worksheets.set(name, ws);
      }
    }
    const refusal = wanted.map((n) => this.refused.get(n)).find((e) => e !== undefined);
    if (refusal) throw refusal;
  }

  private readonly refused = new Map<string, InputError>();

  private load(names: readonly string[]): void {
    this.loadPreviews(names);
    const longer = [...new Set(names)].filter((n) => !this.worksheets.has(n));
    if (longer.length === 0) return;
    const full = sheetjs(this.input, { sheets: longer, dense: true, sheetRows: MAX_SHEET_ROWS + 1, cellFormula: false, cellHTML: false, cellText: false });
    for (const name of longer) this.worksheets.set(name, full.Sheets[name] ?? {});
  }
}

const opened = new WeakMap<RawInput, Workbook>();

/** The workbook of a spreadsheet input (cached per input). Throws E_BINARY for a damaged container. */
export function openWorkbook(input: RawInput): Workbook {
  let book = opened.get(input);
  if (!book) {
    book = new Workbook(input, readSheetNames(input));
    opened.set(input, book);
  }
  return book;
}

/** The range the sheet declares ('!fullref' when SheetJS cut it to sheetRows), checked against the limits. */
function checkSize(file: string, name: string, ws: XLSXTypes.WorkSheet): void {
  const declared = (ws['!fullref'] as string | undefined) ?? ws['!ref'];
  if (!declared) return;
  const range = sheetjsLib().utils.decode_range(declared);
  const rows = range.e.r + 1;
  const columns = range.e.c + 1;
  if (rows > MAX_SHEET_ROWS || columns > MAX_SHEET_COLUMNS || rows * columns > MAX_SHEET_CELLS) {
    throw new InputError(
      'E_SHEET_TOO_LARGE',
      `sheet "${name}" declares the range ${declared} (${rows} rows × ${columns} columns from A1), over the limits of ${MAX_SHEET_ROWS} rows, ${MAX_SHEET_COLUMNS} columns and ${MAX_SHEET_CELLS} cells`,
      { file, field: `sheet ${name}` },
    );
  }
}

function toGrid(file: string, name: string, ws: XLSXTypes.WorkSheet): SheetGrid {
  if (!ws['!ref']) return new SheetGrid(file, name, [], 0, 0);
  const range = sheetjsLib().utils.decode_range(ws['!ref']);
  const data = (ws['!data'] as (XLSXTypes.CellObject | undefined)[][] | undefined) ?? [];
  return new SheetGrid(file, name, data, range.e.r + 1, range.e.c + 1);
}
