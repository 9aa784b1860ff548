/**
 * MicrotracBEL BELMaster / BELSORP .xls export (BIFF8). Sheet "AdsDes": a title "[Adsorption / desorption
 * isotherm]", key/value/unit cells in two column groups (Sample weight | 0.033 | [g], Saturated vapor pressure |
 * 83.744 | [kPa], …), then the table `No | pi/kPa | pe/kPa | pe2/kPa | p0/kPa | p/p0 | Va/cm3(STP) g-1` with ADS and
 * DES marker rows. Sheet "BET" (when the BET analysis was run): Starting point / End point (point numbers of the
 * adsorption branch), Slope, Intercept, Vm, as,BET, C, "Total pore volume(p/p0=0.960)", Mean pore diameter.
 * Dates are Excel date serials. Files: instrument-exports/cheminfo/BET.xls, belsorp2.xls;
 * parser-conformance/bel/Sample_C.xls, Sample_D.xls.
 */
import type * as XLSX from '@e965/xlsx';
import { InputError, withFile } from '../../errors.js';
import { ADSORPTION, DESORPTION, type Isotherm, type VendorResults } from '../../model/isotherm.js';
import type { RawInput } from '../input.js';
import { parseNumber } from '../numbers.js';
import { normaliseAdsorbate } from '../units.js';
import { cellName, excelSerialToIsoDate, findSheet, readSheetNames, readWorkbook, sheetNamesOf, sheetRows, usesDate1904, type CellValue } from '../workbook.js';
import {
  addHeaderEntry,
  belMetadata,
  headerAdsorptive,
  headerMassG,
  headerTemperatureK,
  locateColumns,
  normaliseBelKey,
  type BelHeader,
  whereOf,
} from './belsorp-common.js';
import { buildIsotherm, emptyPoints } from './build.js';
import { dropInstrumentArtefacts } from './instrument-artefacts.js';
import { loadingScale } from './mass.js';
import type { Detection, IsothermReadOptions, IsothermReader } from './reader.js';

const ISOTHERM_SHEET = 'AdsDes';
const BET_SHEET = 'BET';

const isBlank = (v: CellValue): boolean => v === null || (typeof v === 'string' && v.trim() === '');
const isUnit = (v: CellValue): boolean => typeof v === 'string' && /^\[.*\]$/.test(v.trim());

/**
 * Key/value(/unit) pairs of a header row: a text cell is a key, the next non-empty cell within three columns its
 * value (BELMaster puts it two or three columns right), and a following "[unit]" cell its unit.
 */
function headerPairs(row: CellValue[]): { key: string; value: CellValue; unit: string | null; column: number }[] {
  const pairs: { key: string; value: CellValue; unit: string | null; column: number }[] = [];
  let c = 0;
  while (c < row.length) {
    const cell = row[c];
    if (typeof cell !== 'string' || cell.trim() === '' || isUnit(cell)) {
      c++;
      continue;
    }
    let v = c + 1;
    while (v <= c + 3 && v < row.length && isBlank(row[v]!)) v++;
    if (v > c + 3 || v >= row.length) {
      pairs.push({ key: cell.trim(), value: '', unit: null, column: c });
      c = v;
      continue;
    }
    const unitCell = row[v + 1];
    const unit = typeof unitCell === 'string' && isUnit(unitCell) ? unitCell : null;
    pairs.push({ key: cell.trim(), value: row[v]!, unit, column: c });
    c = unit ? v + 2 : v + 1;
  }
  return pairs;
}

/** A duration in days as BEL's .DAT writes it, h:mm:ss (hours may exceed 24). */
function daysToHms(days: number): string {
  const seconds = Math.round(days * 86_400);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** The workbook with only the two sheets this reader uses parsed. */
function belWorkbook(input: RawInput): XLSX.WorkBook {
  const wanted = [ISOTHERM_SHEET, BET_SHEET].map((n) => n.toLowerCase());
  return readWorkbook(input, readSheetNames(input).filter((n) => wanted.includes(n.trim().toLowerCase())));
}

function detect(input: RawInput): Detection {
  if (!sheetNamesOf(input).some((n) => n.trim().toLowerCase() === ISOTHERM_SHEET.toLowerCase())) return { score: 0, reason: 'no "AdsDes" sheet' };
  try {
    const sheet = findSheet(belWorkbook(input), ISOTHERM_SHEET)!;
    const title = sheet['!data']?.[0]?.[0]?.v ?? sheet['A1']?.v;
    if (typeof title === 'string' && /adsorption\s*\/\s*desorption isotherm/i.test(title)) {
      return { score: 100, reason: 'BELSORP .xls: sheet "AdsDes" titled [Adsorption / desorption isotherm]' };
    }
  } catch {
    return { score: 0, reason: 'the workbook cannot be read' };
  }
  return { score: 0, reason: 'sheet "AdsDes" lacks the "[Adsorption / desorption isotherm]" title' };
}

interface TableRow {
  no: number;
  pressure: number;
  saturationPressure: number;
  amount: number;
  branch: number;
  row: number;
}

function read(input: RawInput, options: IsothermReadOptions): Isotherm {
  return withFile(input.file, () => {
    const workbook = belWorkbook(input);
    const sheet = findSheet(workbook, ISOTHERM_SHEET);
    if (!sheet) throw new InputError('E_UNKNOWN_FORMAT', `the workbook has no "${ISOTHERM_SHEET}" sheet (sheets: ${workbook.SheetNames.join(', ')})`, {});
    const rows = sheetRows(sheet, input.file, ISOTHERM_SHEET);
    const date1904 = usesDate1904(workbook);
    const header: BelHeader = new Map();
    const table: TableRow[] = [];
    let columns: ReturnType<typeof locateColumns> | undefined;
    let headerRow = 0;
    let branch: number | null = null;

    rows.forEach((row, r) => {
      const rowNo = r + 1;
      const first = typeof row[0] === 'string' ? row[0].trim() : row[0];
      if (!columns) {
        if (typeof first === 'string' && /^no$/i.test(first)) {
          columns = locateColumns(row.map((c) => (c === null ? '' : String(c).trim())), { line: rowNo, field: `${ISOTHERM_SHEET}!${cellName(r, 0)}` });
          headerRow = rowNo;
          return;
        }
        for (const pair of headerPairs(row)) {
          let value = pair.value;
          // The date is an Excel serial; the "time of measurement" is the run's duration as a fraction of days.
          const key = normaliseBelKey(pair.key);
          if (key === 'date of measurement' && typeof value === 'number') value = excelSerialToIsoDate(value, date1904) ?? String(value);
          if (key === 'time of measurement' && typeof value === 'number') value = daysToHms(value);
          addHeaderEntry(header, pair.key, typeof value === 'boolean' || value === null ? '' : value, pair.unit, { line: rowNo, field: `${ISOTHERM_SHEET}!${cellName(r, pair.column)} ${pair.key}` });
        }
        return;
      }
      if (row.every(isBlank)) return;
      if (first === 'ADS' || first === 'DES') {
        branch = first === 'DES' ? DESORPTION : ADSORPTION;
        return;
      }
      const cols = columns;
      const number = (c: number): number => {
        const cell = row[c] ?? null;
        const where = { line: rowNo, field: `${ISOTHERM_SHEET}!${cellName(r, c)} ${cols.names[c]}` };
        if (typeof cell === 'number') {
          if (!Number.isFinite(cell)) throw new InputError('E_BAD_NUMBER', `${cell} is not a finite number`, where);
          return cell;
        }
        if (cell === null) throw new InputError('E_ROW_LENGTH', 'the cell is empty (the table is truncated)', where, 'export the workbook again, or delete the incomplete row');
        return parseNumber(String(cell), where);
      };
      if (branch === null) throw new InputError('E_BAD_BRANCH', 'a data row comes before the ADS or DES marker row', { line: rowNo, field: `${ISOTHERM_SHEET}!${cellName(r, 0)}` });
      const pressure = number(cols.pressure);
      const saturationPressure = number(cols.saturationPressure);
      if (!(saturationPressure > 0)) throw new InputError('E_BAD_NUMBER', `saturation pressure ${saturationPressure} is not positive`, { line: rowNo, field: `${ISOTHERM_SHEET}!${cellName(r, cols.saturationPressure)} ${cols.names[cols.saturationPressure]}` });
      table.push({ no: number(0), pressure, saturationPressure, amount: number(cols.loading), branch, row: rowNo });
    });
    if (!columns) throw new InputError('E_MISSING_COLUMN', `sheet ${ISOTHERM_SHEET} has no "No | pi/kPa | pe/kPa | …" table header`, {});
    if (table.length === 0) throw new InputError('E_NO_DATA', `sheet ${ISOTHERM_SHEET} has no rows after its ADS/DES markers`, { line: headerRow });
    const cols: ReturnType<typeof locateColumns> = columns;

    const massG = headerMassG(header);
    const massEntry = header.get('mass');
    const scale = loadingScale(cols.loadingUnit, massG, options, massEntry ? whereOf(massEntry) : { line: headerRow, field: 'Sample weight' });
    const points = emptyPoints();
    for (const t of table) {
      points.relativePressure.push(t.pressure / t.saturationPressure);
      points.loadingCm3StpPerG.push(t.amount * scale.factor);
      points.branch.push(t.branch);
      points.line.push(t.row);
    }
    const screened = dropInstrumentArtefacts(points, 'row');

    const first = table[0]!;
    const metadata = belMetadata(header, undefined, first.saturationPressure, cols);
    const betSheet = findSheet(workbook, BET_SHEET);
    const vendor = betSheet ? vendorBet(betSheet, input.file, table, metadata) : undefined;
    return buildIsotherm({
      file: input.file,
      format: belsorpXlsReader.id,
      points: screened.points,
      adsorbate: normaliseAdsorbate(options.adsorbate ?? headerAdsorptive(header) ?? 'unknown'),
      temperatureK: headerTemperatureK(header),
      sampleMassG: scale.massG,
      metadata,
      assumptions: [...(scale.assumption ? [scale.assumption] : []), ...screened.assumptions],
      ...(vendor ? { vendor } : {}),
    });
  });
}

/**
 * The BET sheet's results. The points the vendor used are adsorption points "Starting point" to "End point" by
 * their No.; their relative pressures are given as this reader computes them (pe/p0), so they match the isotherm's
 * own values exactly (the sheet's p/p0 column is rounded to 5 digits).
 */
function vendorBet(sheet: XLSX.WorkSheet, file: string, table: TableRow[], metadata: { extra?: Record<string, string> }): VendorResults | undefined {
  const values = new Map<string, { value: CellValue; where: { line: number; field: string } }>();
  sheetRows(sheet, file, BET_SHEET).forEach((row, r) => {
    if (typeof row[0] === 'string' && /^no$/i.test(row[0].trim())) return;
    for (const pair of headerPairs(row)) {
      const key = pair.key.trim().toLowerCase();
      if (!values.has(key)) values.set(key, { value: pair.value, where: { line: r + 1, field: `${BET_SHEET}!${cellName(r, pair.column)} ${pair.key}` } });
    }
  });
  const number = (key: string | RegExp): number | undefined => {
    const entry = typeof key === 'string' ? values.get(key) : [...values.entries()].find(([k]) => key.test(k))?.[1];
    if (!entry || isBlank(entry.value)) return undefined;
    return typeof entry.value === 'number' ? entry.value : parseNumber(String(entry.value), entry.where);
  };
  const area = number('as,bet');
  if (area === undefined) return undefined;
  const vendor: VendorResults = { bet: { areaM2PerG: area } };
  const c = number('c');
  const vm = number('vm');
  if (c !== undefined) vendor.bet!.c = c;
  if (vm !== undefined) vendor.bet!.monolayerCm3StpPerG = vm;
  const start = number('starting point');
  const end = number('end point');
  if (start !== undefined && end !== undefined) {
    const used = table.filter((t) => t.branch === ADSORPTION && t.no >= start && t.no <= end).map((t) => t.pressure / t.saturationPressure);
    if (used.length) {
      vendor.bet!.relativePressures = Float64Array.from(used);
      vendor.bet!.relativePressureMin = Math.min(...used);
      vendor.bet!.relativePressureMax = Math.max(...used);
    }
    metadata.extra = { ...metadata.extra, vendorBetPoints: `${start}–${end}` };
  }
  const poreKey = [...values.keys()].find((k) => /^total pore volume/.test(k));
  const poreVolume = poreKey ? number(poreKey) : undefined;
  if (poreKey && poreVolume !== undefined) {
    const at = /p\/p0\s*=\s*([\d.]+)/.exec(poreKey)?.[1];
    vendor.totalPoreVolume = { cm3PerG: poreVolume, ...(at ? { relativePressure: Number(at) } : {}) };
  }
  for (const [key, name] of [['slope(linear)', 'vendorBetSlope'], ['intercept(linear)', 'vendorBetIntercept'], ['correlation coefficient', 'vendorBetCorrelation'], ['mean pore diameter', 'vendorMeanPoreDiameterNm']] as const) {
    const value = number(key);
    if (value !== undefined) metadata.extra = { ...metadata.extra, [name]: String(value) };
  }
  return vendor;
}

export const belsorpXlsReader: IsothermReader = {
  id: 'belsorp-xls',
  description: 'MicrotracBEL BELMaster/BELSORP .xls export (sheet AdsDes; vendor BET and pore volume from sheet BET)',
  extensions: ['.xls'],
  detect,
  read,
};
