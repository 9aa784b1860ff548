/**
 * Micromeritics report exports in spreadsheet form (MicroActive, 3Flex, TriStar II, ASAP 2020, Gemini VII; BIFF8
 * .xls, ../shared/docs/formats.md). The report's pages sit side by side on one sheet, each a block of columns
 * separated from the next by a column of `|`; every block repeats the page header and carries one section
 * ("Summary Report", "Isotherm Tabular Report", "BET Report", …). Newer MicroActive exports put each section on a
 * sheet of its own instead. Either way the blocks become rows of cells for micromeritics-report.ts.
 */
import type { Isotherm } from '../../model/isotherm.js';
import type { RawInput } from '../input.js';
import { openWorkbook, type SheetGrid } from '../workbook.js';
import { buildMicromeriticsIsotherm, hasIsothermTable, splitSections, type MicromeriticsReport, type ReportCell, type ReportRow, type ReportSection } from './micromeritics-report.js';
import type { Detection, IsothermReadOptions, IsothermReader } from './reader.js';

/** Exports seen so far have 1 or 22 sheets; more than this is not a Micromeritics report. */
const MAX_REPORT_SHEETS = 64;

export const micromeriticsXlsReader: IsothermReader = {
  id: 'micromeritics-xls',
  description: 'Micromeritics report exported as .xls (MicroActive, 3Flex, TriStar II, ASAP 2020, Gemini): the Isotherm Tabular Report, with the BET, BJH and pore-volume results it prints',
  extensions: ['.xls', '.xlsx'],
  detect(input: RawInput): Detection {
    if (!input.isSpreadsheet) return { score: 0, reason: 'not a spreadsheet' };
    const book = openWorkbook(input);
    // The isotherm is on the first sheet, or (sheet-per-section exports) on a sheet named after it: looking only
    // there keeps detection from parsing other vendors' large sheets.
    const candidates = [...new Set([...book.sheetNames.slice(0, 1), ...book.sheetNames.filter((n) => /isotherm/i.test(n)).slice(0, 2)])];
    for (const grid of book.heads(candidates)) {
      if (sheetBlocks(grid).some((block) => hasIsothermTable(splitSections(block).sections))) {
        return { score: 90, reason: `"Isotherm Tabular Report" in sheet "${grid.name}"` };
      }
    }
    return { score: 0, reason: `no "Isotherm Tabular Report" with a Quantity Adsorbed column in sheet ${candidates.map((n) => `"${n}"`).join(', ')}` };
  },
  read(input: RawInput, options: IsothermReadOptions): Isotherm {
    const book = openWorkbook(input);
    const header: ReportRow[][] = [];
    const sections: ReportSection[] = [];
    let isothermHeader: ReportRow[] | undefined;
    for (const grid of book.sheets(book.sheetNames.slice(0, MAX_REPORT_SHEETS))) {
      for (const block of sheetBlocks(grid)) {
        const split = splitSections(block);
        header.push(split.header);
        sections.push(...split.sections);
        if (!isothermHeader && hasIsothermTable(split.sections)) isothermHeader = split.header;
      }
    }
    const report: MicromeriticsReport = { file: input.file, header: isothermHeader ?? header.find((h) => h.length > 0) ?? [], sections };
    return buildMicromeriticsIsotherm(report, micromeriticsXlsReader.id, options);
  },
};

/** The sheet's column blocks (split at columns holding only `|`), each as rows of cells. */
export function sheetBlocks(grid: SheetGrid): ReportRow[][] {
  const separators: number[] = [];
  for (let c = 0; c < grid.columnCount; c++) {
    let bars = 0;
    let filled = 0;
    for (let r = 0; r < grid.rowCount; r++) {
      const t = grid.text(r, c);
      if (t === '') continue;
      filled++;
      if (t === '|') bars++;
    }
    if (bars >= 3 && bars === filled) separators.push(c);
  }
  const bounds = [-1, ...separators, grid.columnCount];
  const blocks: ReportRow[][] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const first = bounds[k]! + 1;
    const last = bounds[k + 1]! - 1;
    if (last < first) continue;
    const rows: ReportRow[] = [];
    for (let r = 0; r < grid.rowCount; r++) {
      const cells: ReportCell[] = [];
      for (let c = first; c <= last; c++) {
        const v = grid.value(r, c);
        cells.push(v === null ? '' : typeof v === 'number' ? v : String(v));
      }
      rows.push({ cells, where: (i, what) => grid.where(r, first + i, what) });
    }
    blocks.push(rows);
  }
  return blocks;
}
