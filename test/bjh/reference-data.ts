/**
 * The reference files the BJH tests compare against: isotherms through the project's readers, and the report tables
 * printed in the Micromeritics .xls exports (BJH tables, thickness tables), read here with SheetJS.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Isotherm } from '../../src/model/isotherm.js';
import { readIsothermFile } from '../helpers/analyze.js';
import { shared } from '../helpers/shared-data.js';

/** A reference isotherm through the project's own readers (AIF conversions, pyGAPS JSON). */
export function referenceIsotherm(...path: string[]): Isotherm {
  return readIsothermFile(shared('isotherms', ...path));
}

type Sheet = unknown[][];

const sheets = new Map<string, Sheet>();

/** The one sheet of a Micromeritics report export, as rows of cells (parsed once per test file). */
export function micromeriticsSheet(sample: string): Sheet {
  let sheet = sheets.get(sample);
  if (!sheet) {
    const workbook = XLSX.read(readFileSync(shared('isotherms', 'micromeritics-xls', `${sample}.xls`)));
    sheet = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets[workbook.SheetNames[0]!]!, { header: 1, raw: true, defval: '' });
    sheets.set(sample, sheet);
  }
  return sheet;
}

/** Rows under the header cell `header` in the report block titled `title`, while the header's column holds values. */
function blockTable(sheet: Sheet, title: string, header: string, occurrence = 0): { row: unknown[]; column: number }[] {
  const titleRow = sheet.find((row) => row.includes(title));
  if (!titleRow) throw new Error(`no block "${title}"`);
  const titleColumn = titleRow.indexOf(title);
  // A block ends at the next column of '|' separators.
  let end = titleColumn;
  while (end < titleRow.length && titleRow[end] !== '|') end++;
  let start = -1;
  let column = -1;
  let seen = 0;
  for (let r = 0; r < sheet.length && start < 0; r++) {
    for (let c = titleColumn; c < end; c++) {
      if (sheet[r]![c] === header && seen++ === occurrence) {
        start = r + 1;
        column = c;
        break;
      }
    }
  }
  if (start < 0) throw new Error(`no "${header}" in "${title}"`);
  const out: { row: unknown[]; column: number }[] = [];
  for (let r = start; r < sheet.length && sheet[r]![column] !== ''; r++) out.push({ row: sheet[r]!, column });
  return out;
}

export interface VendorBjhRow {
  averageDiameterA: number;
  incrementalVolumeCm3PerG: number;
  cumulativeVolumeCm3PerG: number;
  cumulativeAreaM2PerG: number;
}

/** The "BJH Adsorption|Desorption Pore Distribution Report" table. */
export function vendorBjhTable(sheet: Sheet, branch: 'Adsorption' | 'Desorption'): VendorBjhRow[] {
  return blockTable(sheet, `BJH ${branch} Pore Distribution Report`, 'Pore Diameter Range (Å)').map(({ row, column }) => ({
    averageDiameterA: Number(row[column + 1]),
    incrementalVolumeCm3PerG: Number(row[column + 2]),
    cumulativeVolumeCm3PerG: Number(row[column + 3]),
    cumulativeAreaM2PerG: Number(row[column + 5]),
  }));
}

/**
 * Pairs (p/p0, t in Å) from a t-plot block: its printed thickness curve, or (occurrence 1, or 0 where the curve is an
 * equation) the t the software computed at each data point.
 */
export function vendorThicknessPairs(sheet: Sheet, title: string, occurrence = 0): { relativePressure: number[]; thicknessA: number[] } {
  const rows = blockTable(sheet, title, 'Relative Pressure (P/Po)', occurrence).filter(({ row, column }) => typeof row[column] === 'number' && typeof row[column + 1] === 'number');
  return { relativePressure: rows.map(({ row, column }) => row[column] as number), thicknessA: rows.map(({ row, column }) => row[column + 1] as number) };
}
