/**
 * Generic delimited particle-size tables (CSV, semicolon, tab, or a spreadsheet): any layout size-table.ts
 * understands, found by its header, e.g. "Size (µm), Number (%)", "Lower (nm), Upper (nm), Count",
 * Microtrac "Size(um), %Chan, %Pass" (sizes descending), Sympatec "x0/µm, Q3/%, q3lg". Key/value lines above the
 * table may state the basis ("Distribution base: Volume").
 */
import { InputError } from '../../errors.js';
import type { PsdReader } from './reader.js';
import { findSizeHeader, readPreamble, readSizeTable } from './size-table.js';
import { sourceTable, tableOrReason } from './table-source.js';

export const genericReader: PsdReader = {
  id: 'generic',
  description: 'delimited text or spreadsheet: a size column (class points, limits or lower/upper pairs) beside per-class %, counts, cumulative % or densities',
  extensions: ['.csv', '.txt', '.tsv', '.xlsx', '.xls'],
  detect(input) {
    const table = tableOrReason(input);
    if (typeof table === 'string') return { score: 0, reason: table };
    const header = findSizeHeader(table.sequence, table.decimalComma, true);
    if (!header) return { score: 0, reason: 'no header naming a size column (Size, Diameter, x… with a unit) beside a value column' };
    return { score: 0.3, reason: `size table with header at line ${table.sequence.at(header.index)!.line}` };
  },
  read(input, options) {
    // The rows one at a time: the size table reads its data rows from the text, and their cells are never made.
    const { sequence: rows, decimalComma } = sourceTable(input);
    const header = findSizeHeader(rows, decimalComma, true);
    if (!header) {
      throw new InputError('E_MISSING_COLUMN', 'no header naming a size column beside a value column was found', { file: input.file }, 'name the columns, e.g. "Size (µm)" and "Number (%)", or "Lower (nm)", "Upper (nm)", "Count"');
    }
    const { metadata, statedBasis } = readPreamble(Array.from({ length: header.index }, (_, r) => rows.at(r)!));
    return readSizeTable({ file: input.file, format: 'generic', rows, decimalComma, header, options, statedBasis, metadata });
  },
};
