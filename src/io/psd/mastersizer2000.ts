/**
 * Malvern Mastersizer 2000 CSV export, row layout (../shared/data/psd/INDEX.md): a header row of quoted names
 * (statistics such as "D [4, 3] - Volume weighted mean", then "Result Between User Sizes (Sizes in um)"), a second
 * row holding the class EDGES from that column on, then one row per record whose value under edge x_j is the share
 * between x_(j−1) and x_j.
 */
import { InputError } from '../../errors.js';
import type { Basis, VendorStatistic } from '../../model/distribution.js';
import { tryParseNumber } from '../numbers.js';
import type { RawInput } from '../input.js';
import { buildDistribution } from './build.js';
import { isBlank, parseShare } from './cells.js';
import { basisWord } from './headers.js';
import { chooseRecords, meanOfRecords } from './records.js';
import type { PsdReader } from './reader.js';
import { sizeUnitInHeader } from './size-units.js';
import { sourceTable } from './table-source.js';

const RESULT_COLUMN = /^result (between user sizes|in range)/i;

/** Statistics columns of the export, with what they are. Diameters are in the export's size unit. */
const STATISTICS: { pattern: RegExp; quantity: VendorStatistic['quantity']; basisFree: boolean }[] = [
  { pattern: /^D \[4, ?3\]/i, quantity: 'd43', basisFree: true },
  { pattern: /^D \[3, ?2\]/i, quantity: 'd32', basisFree: true },
  { pattern: /^d ?\(0\.1\)/i, quantity: 'd10', basisFree: false },
  { pattern: /^d ?\(0\.5\)/i, quantity: 'd50', basisFree: false },
  { pattern: /^d ?\(0\.9\)/i, quantity: 'd90', basisFree: false },
  { pattern: /^span$/i, quantity: 'span', basisFree: false },
];

const METADATA: Record<string, string> = {
  'sample name': 'sampleName',
  'measurement date and time': 'date',
};

export const mastersizer2000Reader: PsdReader = {
  id: 'mastersizer2000',
  description: 'Malvern Mastersizer 2000 CSV export, row layout (edges in row 2, one record per row)',
  extensions: ['.csv', '.txt'],
  detect(input: RawInput) {
    if (input.isSpreadsheet) return { score: 0, reason: 'a spreadsheet, not a Mastersizer 2000 CSV export' };
    const header = sourceTable(input).sequence.at(0)?.cells ?? [];
    if (header.some((c) => RESULT_COLUMN.test(c))) return { score: 0.9, reason: 'header has "Result Between User Sizes"' };
    return { score: 0, reason: 'no "Result Between User Sizes" column in the first row' };
  },
  read(input, options) {
    const { file } = input;
    const { rows, decimalComma } = sourceTable(input);
    const header = rows[0]!.cells;
    const start = header.findIndex((c) => RESULT_COLUMN.test(c));
    const edgeRow = rows[1];
    if (start < 0 || !edgeRow) throw new InputError('E_NO_DATA', 'the row of class edges under "Result Between User Sizes" is missing', { file });
    const unitHeader = header[start]!;
    const unit = sizeUnitInHeader(unitHeader);
    const assumptions: string[] = [];
    const toNm = unit?.toNm ?? 1000;
    if (!unit) assumptions.push('sizes taken as µm (the Mastersizer 2000 default); the header names no unit');
    const edgesNm: number[] = [];
    for (let c = start; c < edgeRow.cells.length && !isBlank(edgeRow.cells[c]); c++) {
      const value = tryParseNumber(edgeRow.cells[c]!, decimalComma);
      if (value === null) throw new InputError('E_BAD_NUMBER', `class edge "${edgeRow.cells[c]}" is not a number`, { file, line: edgeRow.line, field: `column ${c + 1}` });
      edgesNm.push(value * toNm);
    }
    const n = edgesNm.length - 1;
    const records = rows.slice(2).filter((r) => r.cells.slice(start + 1, start + 1 + n).some((c) => !isBlank(c)));
    const choice = chooseRecords(records, options.record, file);
    const column = (name: RegExp): number => header.findIndex((h) => name.test(h.trim()));
    const transform = column(/^result transform type$/i);
    const basisText = transform >= 0 ? choice.chosen[0]!.cells[transform] ?? '' : '';
    let basis: Basis = basisWord(basisText) ?? 'volume';
    if (!basisWord(basisText)) assumptions.push('basis taken as volume, the quantity laser diffraction measures; the file names no result transform');
    if (options.basis && options.basis !== basis) {
      assumptions.push(`--basis ${options.basis} overrides the file's result transform "${basisText || 'volume'}"`);
      basis = options.basis;
    }
    const perRecord = choice.chosen.map((row) => {
      const under = row.cells[start];
      if (!isBlank(under) && (tryParseNumber(under!, decimalComma) ?? 0) > 0) {
        assumptions.push(`record at line ${row.line} puts ${under} under the first edge (below ${edgesNm[0]} nm); that share lies outside the classes and was left out`);
      }
      return Array.from({ length: n }, (_, j) => {
        const cell = row.cells[start + 1 + j] ?? '';
        return isBlank(cell) ? 0 : parseShare(cell, { file, line: row.line, field: `class up to ${edgeRow.cells[start + 1 + j]}` }, decimalComma);
      });
    });
    const first = choice.chosen[0]!;
    const metadata: Record<string, string> = {};
    const extra: Record<string, string> = {};
    header.slice(0, start).forEach((name, c) => {
      const value = first.cells[c]?.trim() ?? '';
      if (!name.trim() || !value) return;
      const key = METADATA[name.trim().toLowerCase()];
      if (key) metadata[key] = value;
      else if (!STATISTICS.some((s) => s.pattern.test(name.trim()))) extra[name.trim()] = value;
    });
    const vendor: VendorStatistic[] = [];
    if (choice.single) {
      for (const stat of STATISTICS) {
        const c = column(stat.pattern);
        const value = c >= 0 ? tryParseNumber(first.cells[c] ?? '', decimalComma) : null;
        if (value === null) continue;
        vendor.push({ quantity: stat.quantity, basis: stat.basisFree ? null : basis, value: stat.quantity === 'span' ? value : value * toNm, label: header[c]!.trim() });
      }
    }
    const values = choice.chosen.length === 1 ? perRecord[0]! : meanOfRecords(perRecord);
    return buildDistribution({
      file,
      format: 'mastersizer2000',
      edgesNm,
      edgeLines: edgesNm.map(() => edgeRow.line),
      primary: { basis, values, column: `${basis} % of ${choice.label}`, lines: values.map(() => first.line), ...(choice.chosen.length === 1 ? { expectedSum: 100 } : {}) },
      metadata: { ...metadata, instrument: 'Malvern Mastersizer 2000', record: choice.label, extra },
      assumptions: choice.single ? assumptions : [...assumptions, `the mean of ${records.length} records (per-class shares averaged); choose one with --record`],
      vendor,
    });
  },
};
