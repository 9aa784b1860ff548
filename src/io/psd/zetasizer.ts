/**
 * Malvern Zetasizer text export (../shared/data/psd/INDEX.md): tab-separated, Latin-1, one row per record, wide
 * indexed columns `Sizes[i] (d.nm)` (class points), `Intensities[i]`, `Volumes[i]`, `Numbers[i]` (Percent). A file
 * may stack several tables with different headers, so columns are mapped by name, never by position. The
 * instrument's own Numbers[] (its Mie conversion) are kept beside the intensity distribution, so a number answer
 * never needs the Rayleigh approximation when the file has them.
 */
import { InputError, withFile } from '../../errors.js';
import type { Basis, VendorStatistic } from '../../model/distribution.js';
import type { DelimitedRow } from '../delimited.js';
import { tryParseNumber } from '../numbers.js';
import { isBlank, parseShare } from './cells.js';
import { classifyHeader } from './headers.js';
import { chooseRecords, meanOfRecords } from './records.js';
import type { PsdReader } from './reader.js';
import { readSizeTable } from './size-table.js';
import { sizeUnitInHeader } from './size-units.js';
import { sourceTable, tableOrReason } from './table-source.js';

const INDEXED = /^(Sizes|Intensities|Volumes|Numbers)\[(\d+)\]\s*(.*)$/;

/** The record's own statistics, by header name. */
const VENDOR: { header: RegExp; quantity: VendorStatistic['quantity']; basis: Basis }[] = [
  { header: /^Number Mean \(d\.nm\)$/, quantity: 'mean', basis: 'number' },
  { header: /^Volume Mean \(d\.nm\)$/, quantity: 'mean', basis: 'volume' },
  { header: /^Intensity Mean \(d\.nm\)$/, quantity: 'mean', basis: 'intensity' },
];

interface ZetaRecord {
  row: DelimitedRow;
  header: string[];
  /** Column of each index, per series ('Sizes', 'Intensities', …). */
  columns: Map<string, number[]>;
}

function isSizesHeader(cells: string[]): boolean {
  return cells.some((c) => /^Sizes\[1\]/.test(c.trim())) && cells.some((c) => /^(Intensities|Volumes|Numbers)\[1\]/.test(c.trim()));
}

/** Every record of every table that has Sizes[] columns. */
function records(rows: DelimitedRow[], decimalComma: boolean): ZetaRecord[] {
  const out: ZetaRecord[] = [];
  for (let h = 0; h < rows.length; h++) {
    const header = rows[h]!.cells.map((c) => c.trim());
    if (!isSizesHeader(header)) continue;
    const columns = new Map<string, number[]>();
    header.forEach((cell, c) => {
      const m = INDEXED.exec(cell);
      if (!m) return;
      const list = columns.get(m[1]!) ?? [];
      list[Number(m[2]) - 1] = c;
      columns.set(m[1]!, list);
    });
    const firstSize = columns.get('Sizes')![0]!;
    const lastColumn = Math.max(...[...columns.values()].flat());
    for (let r = h + 1; r < rows.length && tryParseNumber(rows[r]!.cells[firstSize] ?? '', decimalComma) !== null; r++) {
      // A record row shorter than its indexed columns was cut off (a truncated copy): its missing shares are not zeros.
      if (rows[r]!.cells.length <= lastColumn) {
        throw new InputError('E_ROW_LENGTH', `record row has ${rows[r]!.cells.length} cells, its header names ${lastColumn + 1}`, { line: rows[r]!.line }, 'the file is truncated: export it again');
      }
      out.push({ row: rows[r]!, header, columns });
    }
  }
  return out;
}

export const zetasizerReader: PsdReader = {
  id: 'zetasizer',
  description: 'Malvern Zetasizer text export: Sizes[i], Intensities[i], Volumes[i], Numbers[i] columns, one row per record',
  extensions: ['.txt'],
  detect(input) {
    const table = tableOrReason(input);
    if (typeof table === 'string') return { score: 0, reason: table };
    return table.headerRows.some((r) => isSizesHeader(r.cells.map((c) => c.trim())))
      ? { score: 0.9, reason: 'Sizes[i] and Intensities[i]/Numbers[i] columns' }
      : { score: 0, reason: 'no Sizes[1] column beside Intensities[1], Volumes[1] or Numbers[1]' };
  },
  read(input, options) {
    const { file } = input;
    const { rows, decimalComma } = sourceTable(input);
    const all = withFile(file, () => records(rows, decimalComma));
    if (all.length === 0) throw new InputError('E_NO_DATA', 'a Sizes[] header was found but no record rows follow it', { file });
    const choice = chooseRecords(all, options.record, file);
    const series = (['Intensities', 'Volumes', 'Numbers'] as const).filter((s) => choice.chosen.every((r) => r.columns.has(s)));
    const cellOf = (record: ZetaRecord, name: string, i: number): string => {
      const c = record.columns.get(name)?.[i];
      return c === undefined ? '' : (record.row.cells[c] ?? '');
    };
    const first = choice.chosen[0]!;
    const sizeHeaders = first.columns.get('Sizes')!;
    const n = sizeHeaders.length;
    const sizes = (record: ZetaRecord): string[] => Array.from({ length: n }, (_, i) => cellOf(record, 'Sizes', i).trim());
    const reference = sizes(first);
    for (const record of choice.chosen) {
      if (sizes(record).join('\t') !== reference.join('\t')) {
        throw new InputError('E_RECORDS_DIFFER', 'the records have different Sizes[] and cannot be averaged', { file, line: record.row.line }, 'choose one record with --record');
      }
    }
    // Per series, the chosen record's values or the mean of all chosen records (each scaled to a total of 1).
    const values = series.map((name) => {
      const perRecord = choice.chosen.map((record) =>
        Array.from({ length: n }, (_, i) => {
          const cell = cellOf(record, name, i);
          return isBlank(cell) ? 0 : parseShare(cell, { file, line: record.row.line, field: `${name}[${i + 1}]` }, decimalComma);
        }),
      );
      return perRecord.length === 1 ? perRecord[0]! : meanOfRecords(perRecord).map((v) => v * 100);
    });
    const sizeHeader = first.header[sizeHeaders[0]!]!;
    const unit = sizeUnitInHeader(sizeHeader)?.name ?? 'nm';
    const synthetic: DelimitedRow[] = [
      { line: first.row.line, cells: [`Sizes[] (${unit})`, ...series.map((s) => `${s}[] (Percent)`)] },
      ...reference.map((size, i) => ({ line: first.row.line, cells: [size, ...values.map((v) => String(v[i]))] })),
    ];
    const field = (name: string): string => {
      const c = first.header.findIndex((h) => h === name);
      return c >= 0 ? (first.row.cells[c] ?? '').trim() : '';
    };
    const vendor: VendorStatistic[] = [];
    if (choice.single) {
      for (const v of VENDOR) {
        const c = first.header.findIndex((h) => v.header.test(h));
        const value = c >= 0 ? tryParseNumber(first.row.cells[c] ?? '', decimalComma) : null;
        if (value !== null && value > 0) vendor.push({ quantity: v.quantity, basis: v.basis, value, label: first.header[c]! });
      }
    }
    const extra: Record<string, string> = {};
    for (const name of ['S/W Version', 'Serial Number', 'Temperature (°C)', 'Z-Average (d.nm)', 'Z-Ave (d.nm)', 'PdI', 'Dispersant Name', 'Material Name', 'Material RI']) {
      const value = choice.single ? field(name) : '';
      if (value) extra[name] = value;
    }
    const recordNumber = choice.single ? field('Record Number') : '';
    const names = [...new Set(choice.chosen.map((r) => (r.row.cells[r.header.indexOf('Sample Name')] ?? '').trim()))];
    const sampleName = names.join('; ');
    const date = choice.single ? field('Measurement Date and Time') : '';
    const assumptions = choice.single ? [] : [`the mean of ${all.length} records (per-class shares averaged); choose one with --record`];
    if (!series.includes('Numbers')) assumptions.push('the file has no Numbers[] columns of its own');
    return readSizeTable({
      file,
      format: 'zetasizer',
      rows: synthetic,
      decimalComma,
      header: { index: 0, roles: synthetic[0]!.cells.map(classifyHeader) },
      options,
      metadata: {
        instrument: 'Malvern Zetasizer',
        ...(sampleName ? { sampleName } : {}),
        ...(date ? { date } : {}),
        record: choice.label + (recordNumber ? ` (Record Number ${recordNumber})` : ''),
        ...(Object.keys(extra).length > 0 ? { extra } : {}),
      },
      assumptions,
      vendor,
    });
  },
};
