/**
 * Malvern Mastersizer 3000 export (../shared/docs/formats.md): a "Size Classes (μm)" column of class limits and one
 * "Volume Density (%)" (or "Number Density (%)") column per record, as text or spreadsheet. Malvern's "density" is
 * the per-class percentage of its logarithmically equal classes. Which class a value belongs to is read from the
 * data where an end cell is blank or zero, else taken as in the Mastersizer 2000 layout (value under limit x_j =
 * share between x_(j−1) and x_j), and stated.
 */
import { InputError } from '../../errors.js';
import type { Basis } from '../../model/distribution.js';
import type { DelimitedRow } from '../delimited.js';
import { tryParseNumber } from '../numbers.js';
import { isBlank, parseShare } from './cells.js';
import { basisInHeader, classifyHeader } from './headers.js';
import { chooseRecords, meanOfRecords } from './records.js';
import type { PsdReader } from './reader.js';
import { readPreamble, readSizeTable } from './size-table.js';
import { sourceTable, tableOrReason } from './table-source.js';

const SIZE_CLASSES = /^size classes/i;
const DENSITY = /density\s*\(%\)/i;

const isTableHeader = (row: DelimitedRow): boolean => row.cells.some((c) => SIZE_CLASSES.test(c.trim())) && row.cells.some((c) => DENSITY.test(c));

function headerIndex(rows: DelimitedRow[]): number {
  return rows.findIndex(isTableHeader);
}

export const mastersizer3000Reader: PsdReader = {
  id: 'mastersizer3000',
  description: 'Malvern Mastersizer 3000 export: "Size Classes (μm)" and one "Volume Density (%)" column per record',
  extensions: ['.csv', '.txt', '.xlsx'],
  detect(input) {
    const table = tableOrReason(input);
    if (typeof table === 'string') return { score: 0, reason: table };
    const row = table.headerRows.find(isTableHeader);
    return row ? { score: 0.85, reason: `"Size Classes" header at line ${row.line}` } : { score: 0, reason: 'no "Size Classes" beside a "… Density (%)" column' };
  },
  read(input, options) {
    const { file } = input;
    const { rows, decimalComma } = sourceTable(input);
    const at = headerIndex(rows);
    if (at < 0) throw new InputError('E_MISSING_COLUMN', 'no "Size Classes" column beside a "… Density (%)" column', { file });
    const header = rows[at]!;
    const sizeColumn = header.cells.findIndex((c) => SIZE_CLASSES.test(c.trim()));
    const body: DelimitedRow[] = [];
    for (let r = at + 1; r < rows.length && tryParseNumber(rows[r]!.cells[sizeColumn] ?? '', decimalComma) !== null; r++) body.push(rows[r]!);
    if (body.length === 0) throw new InputError('E_NO_DATA', 'no size classes under the "Size Classes" header', { file, line: header.line });

    const assumptions: string[] = [];
    const groups = new Map<Basis, number[]>();
    header.cells.forEach((cell, c) => {
      if (!DENSITY.test(cell)) return;
      const basis = basisInHeader(cell) ?? options.basis;
      if (!basis) throw new InputError('E_UNKNOWN_BASIS', `"${cell}" does not say whether it is by volume or by number`, { file, line: header.line, field: cell });
      groups.set(basis, [...(groups.get(basis) ?? []), c]);
    });
    let primary: Basis = options.basis && groups.has(options.basis) ? options.basis : [...groups.keys()][0]!;
    const records = groups.get(primary)!;
    if (options.basis && !groups.has(options.basis)) {
      assumptions.push(`--basis ${options.basis} overrides the header "${header.cells[records[0]!]}"`);
      groups.delete(primary);
      primary = options.basis;
      groups.set(primary, records);
    }
    const choice = chooseRecords(records.map((_, k) => k), options.record, file);
    // Per basis, the chosen record's cells, or the mean of all records (each scaled to a total of 1).
    const columnCells = (columns: number[]): string[] => {
      const picked = columns.length === records.length ? choice.chosen.map((k) => columns[k]!) : columns;
      const values = picked.map((c) => body.map((row) => (isBlank(row.cells[c]) ? 0 : parseShare(row.cells[c]!, { file, line: row.line, field: header.cells[c] }, decimalComma))));
      if (picked.length === 1) return body.map((row, j) => (isBlank(row.cells[picked[0]!]) ? '' : String(values[0]![j])));
      const mean = meanOfRecords(values);
      return body.map((row, j) => (picked.every((c) => isBlank(row.cells[c])) ? '' : String(mean[j]! * 100)));
    };
    const bases = [primary, ...[...groups.keys()].filter((b) => b !== primary)];
    const cellsByBasis = bases.map((b) => columnCells(groups.get(b)!));
    const synthetic: DelimitedRow[] = [
      { line: header.line, cells: [header.cells[sizeColumn]!, ...bases.map((b) => (b === primary && primary !== basisInHeader(header.cells[records[0]!]!) ? `${b} (%)` : header.cells[groups.get(b)![0]!]!))] },
      ...body.map((row, j) => ({ line: row.line, cells: [String(tryParseNumber(row.cells[sizeColumn]!, decimalComma)), ...cellsByBasis.map((cells) => cells[j]!)] })),
    ];
    const { metadata } = readPreamble(rows.slice(0, at));
    const recordName = choice.single && records.length > 1 ? ` ("${header.cells[records[choice.chosen[0]!]!]!.trim()}")` : '';
    if (!choice.single) assumptions.push(`the mean of ${records.length} records (per-class shares averaged); choose one with --record`);
    return readSizeTable({
      file,
      format: 'mastersizer3000',
      rows: synthetic,
      decimalComma: false,
      header: { index: 0, roles: synthetic[0]!.cells.map(classifyHeader) },
      options: { ...options, basis: primary },
      metadata: { instrument: 'Malvern Mastersizer 3000', ...metadata, record: choice.label + recordName },
      assumptions,
      limits: { layout: 'upper', source: 'Malvern size classes are class limits; read as in the Mastersizer 2000 layout' },
    });
  },
};
