/**
 * Retsch/Microtrac CAMSIZER .xle export (../shared/data/psd/INDEX.md): UTF-16LE with BOM, tab-separated; a
 * key/value block of statistics (partly localised), then a table whose first two columns are each class's lower
 * and upper limit and which holds BOTH the volume distribution (p3/Q3/q3) and the number distribution (p0/Q0/q0)
 * that the image analyser counted. The number column is kept beside the volume one as the instrument's own.
 */
import { InputError } from '../../errors.js';
import type { VendorStatistic } from '../../model/distribution.js';
import type { DelimitedRow } from '../delimited.js';
import { tryParseNumber } from '../numbers.js';
import { classifyHeader } from './headers.js';
import type { PsdReader } from './reader.js';
import { readSizeTable } from './size-table.js';
import { sizeUnitInHeader } from './size-units.js';
import { sourceTable, tableOrReason } from './table-source.js';

const isTableHeader = (cells: string[]): boolean => cells.some((c) => /^p3\s*\[%\]/.test(c.trim())) && cells.some((c) => /^Q3\s*\[%\]/.test(c.trim()));

/** "x(Q3=50.00 %) [µm] =": the size below which that share of the volume lies. */
const PERCENTILE = /^x\s*\(\s*Q3\s*=\s*(10|50|90)(?:\.0+)?\s*%\s*\)\s*\[([^\]]+)\]/;

export const camsizerXleReader: PsdReader = {
  id: 'camsizer-xle',
  description: 'Retsch/Microtrac CAMSIZER .xle export (UTF-16): class limits with p3/Q3 (volume) and p0/Q0 (number)',
  extensions: ['.xle'],
  detect(input) {
    const table = tableOrReason(input);
    if (typeof table === 'string') return { score: 0, reason: table };
    const row = table.headerRows.find((r) => isTableHeader(r.cells));
    return row ? { score: 0.9, reason: `p3 [%] and Q3 [%] header at line ${row.line}` } : { score: 0, reason: 'no "p3 [%]" and "Q3 [%]" columns' };
  },
  read(input, options) {
    const { file } = input;
    const { rows, decimalComma } = sourceTable(input);
    const at = rows.findIndex((r) => isTableHeader(r.cells));
    if (at < 0) throw new InputError('E_MISSING_COLUMN', 'no table with "p3 [%]" and "Q3 [%]" columns', { file });
    const header = rows[at]!.cells.map((c) => c.trim());
    const unit = sizeUnitInHeader(header[1] ?? '') ?? sizeUnitInHeader(header[0] ?? '');
    if (!unit) throw new InputError('E_UNKNOWN_UNIT', `the class-limit columns ("${header[0]}", "${header[1]}") name no unit`, { file, line: rows[at]!.line }, 'pass --size-unit µm|mm');
    const p3 = header.findIndex((c) => /^p3\s*\[%\]/.test(c));
    const p0 = header.findIndex((c) => /^p0\s*\[%\]/.test(c));
    const body: DelimitedRow[] = [];
    for (let r = at + 1; r < rows.length; r++) {
      const cells = rows[r]!.cells;
      if (tryParseNumber(cells[0] ?? '', decimalComma) === null || tryParseNumber(cells[1] ?? '', decimalComma) === null) break;
      body.push(rows[r]!);
    }
    const columns = [p3, ...(p0 >= 0 ? [p0] : [])];
    const synthetic: DelimitedRow[] = [
      { line: rows[at]!.line, cells: [`Lower (${unit.name})`, `Upper (${unit.name})`, ...columns.map((c) => header[c]!)] },
      ...body.map((row) => ({ line: row.line, cells: [row.cells[0]!, row.cells[1]!, ...columns.map((c) => row.cells[c] ?? '')] })),
    ];
    const vendor: VendorStatistic[] = [];
    for (const row of rows.slice(0, at)) {
      const label = (row.cells[0] ?? '').replace(/\s*=\s*$/, '').trim();
      const value = tryParseNumber(row.cells[1] ?? '', decimalComma);
      if (value === null) continue;
      const m = PERCENTILE.exec(label);
      const statUnit = m ? sizeUnitInHeader(`(${m[2]})`) : null;
      if (m && statUnit) vendor.push({ quantity: `d${m[1]}` as 'd10' | 'd50' | 'd90', basis: 'volume', value: value * statUnit.toNm, label });
      if (/^SPAN3$/.test(label)) vendor.push({ quantity: 'span', basis: 'volume', value, label });
    }
    const title = rows[0]!.cells.map((c) => c.trim());
    const extra: Record<string, string> = {};
    if (title[1]) extra['configuration'] = title[1];
    if (title[2]) extra['size definition'] = title[2];
    if (title[5]) extra['measurement duration'] = title[5];
    return readSizeTable({
      file,
      format: 'camsizer-xle',
      rows: synthetic,
      decimalComma,
      header: { index: 0, roles: synthetic[0]!.cells.map(classifyHeader) },
      options,
      metadata: {
        instrument: 'Retsch/Microtrac CAMSIZER',
        ...(title[0] ? { sampleName: title[0] } : {}),
        ...(title[3] ? { date: [title[3], title[4]].filter(Boolean).join(' ') } : {}),
        extra,
      },
      vendor,
    });
  },
};
