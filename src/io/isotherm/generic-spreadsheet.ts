/**
 * Any .xls/.xlsx whose sheet has a header row naming a pressure (or p/p0) column and an amount-adsorbed column —
 * what a lab makes by hand, and pyGAPS's Excel export (a "data" sheet with pressure | pressure_saturation |
 * loading | branch, and a "metadata" sheet of AIF-style `_units_loading | mmol/g` rows). Columns are found by the
 * same header recognition as the generic text reader (columns.ts), and the table is read by the same code
 * (generic-csv.ts), so the two accept the same headers, units and metadata lines. Tried after every vendor layout.
 */
import { InputError } from '../../errors.js';
import type { Isotherm } from '../../model/isotherm.js';
import type { DelimitedRow } from '../delimited.js';
import type { RawInput } from '../input.js';
import { detectDecimalComma } from '../printed-values.js';
import { excelSerialToIsoDate, openWorkbook, usesDate1904, readWorkbook, type SheetGrid } from '../workbook.js';
import { findHeader, isothermFromRows, type HeaderMatch } from './generic-csv.js';
import type { Detection, IsothermReadOptions, IsothermReader } from './reader.js';

/** A data sheet is one of the first few; its header one of the first rows (as for the text reader). */
const MAX_SHEETS_LOOKED_AT = 8;
const HEADER_SEARCH_ROWS = 200;

export const genericSpreadsheetReader: IsothermReader = {
  id: 'generic-spreadsheet',
  description: 'any .xls/.xlsx with a header row naming p/p0 or pressure (+ p0) and the amount adsorbed with its unit (e.g. pyGAPS Excel files); key/value rows and a metadata sheet give mass, adsorbate, temperature, units',
  extensions: ['.xls', '.xlsx'],
  detect(input: RawInput): Detection {
    if (!input.isSpreadsheet) return { score: 0, reason: 'not a spreadsheet' };
    const found = findDataSheet(input);
    return found ? { score: 10, reason: `header row ${found.header.index + 1} of sheet "${found.grid.name}"` } : { score: 0, reason: 'no sheet with a header row naming a pressure and a loading column' };
  },
  read(input: RawInput, options: IsothermReadOptions): Isotherm {
    const found = findDataSheet(input);
    if (!found) {
      throw new InputError('E_MISSING_COLUMN', `no sheet of the first ${MAX_SHEETS_LOOKED_AT} has a header row naming a relative-pressure (or pressure) column and an amount-adsorbed column`, { file: input.file }, 'add a header such as "Relative Pressure (P/Po) | Quantity Adsorbed (cm³/g STP)"');
    }
    const book = openWorkbook(input);
    const date1904 = usesDate1904(readWorkbook(input));
    const { grid, rows, header } = found;
    // Key/value rows: above the header on the data sheet, and every row of the other sheets that has at most three
    // cells (pyGAPS's "metadata" sheet; a lab's "Info" sheet).
    const metadataRows = rows.slice(0, header.index);
    for (const other of book.heads(book.sheetNames.filter((n) => n !== grid.name).slice(0, MAX_SHEETS_LOOKED_AT))) {
      for (const row of sheetRows(other, date1904)) if (row.cells.filter((c) => c !== '').length <= 3) metadataRows.push(row);
    }
    const decimalComma = detectDecimalComma(rows.flatMap((r) => r.cells.filter((c) => /\d[.,]\d/.test(c)))) ?? false;
    return isothermFromRows({ file: input.file, format: genericSpreadsheetReader.id, rows, header, metadataRows, decimalComma }, options);
  },
};

/** The first sheet whose first rows hold a header; only that sheet is then read in full. */
function findDataSheet(input: RawInput): { grid: SheetGrid; rows: DelimitedRow[]; header: HeaderMatch } | null {
  const book = openWorkbook(input);
  // Sheet by sheet, stopping at the first header: a later sheet may be a long log (3P's equilibration data).
  for (const name of book.sheetNames.slice(0, MAX_SHEETS_LOOKED_AT)) {
    const head = book.heads([name])[0]!;
    const header = findHeader(sheetRows(head, false, HEADER_SEARCH_ROWS));
    if (!header) continue;
    const grid = book.sheet(head.name);
    return { grid, rows: sheetRows(grid, false), header };
  }
  return null;
}

/**
 * Rows as the text reader sees them: every cell as text (numbers in their shortest exact form), the sheet row as the
 * line. A date-keyed row holding an Excel date serial gets the ISO date instead of the serial.
 */
function sheetRows(grid: SheetGrid, date1904: boolean, maxRows = grid.rowCount): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  for (let r = 0; r < Math.min(grid.rowCount, maxRows); r++) {
    const cells: string[] = [];
    for (let c = 0; c < grid.columnCount; c++) cells.push(grid.text(r, c));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) continue;
    const value = grid.value(r, 1);
    if (/date/i.test(cells[0]!) && typeof value === 'number') cells[1] = excelSerialToIsoDate(value, date1904) ?? cells[1]!;
    rows.push({ cells, line: r + 1 });
  }
  return rows;
}
