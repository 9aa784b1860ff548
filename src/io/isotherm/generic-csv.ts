/**
 * Generic delimited isotherm text: comma, semicolon or tab; decimal comma; any of the encodings decodeText knows.
 * Columns are found by header (columns.ts). Optional `key, value` metadata lines may precede the header (sample mass,
 * adsorbate, temperature, p0). Without a branch column, points up to the highest pressure are adsorption and the
 * rest desorption.
 */
import { InputError } from '../../errors.js';
import { branchesByTurningPoint, type Isotherm, type IsothermMetadata } from '../../model/isotherm.js';
import { DEFAULT_N2_TEMPERATURE_K } from '../../core/constants.js';
import { assumedP0Kpa, assumedP0Statement } from '../../model/adsorbates.js';
import { parseDelimited, type DelimitedRow, type DelimitedTable } from '../delimited.js';
import type { RawInput } from '../input.js';
import { parseNumber, tryParseNumber } from '../numbers.js';
import { normaliseAdsorbate, parseLoadingUnit, parsePressureWithUnit, pressureUnitToKpa, temperatureToK } from '../units.js';
import { buildIsotherm, emptyPoints, MAX_RELATIVE_PRESSURE, type PointList } from './build.js';
import { loadingUnitOf, parseBranchLabel, pressureFactorOf, recogniseColumns, type ColumnRole, type RecognisedColumn } from './columns.js';
import type { IsothermReader, IsothermReadOptions } from './reader.js';

export interface HeaderMatch {
  index: number;
  columns: Map<ColumnRole, RecognisedColumn>;
}

function headerColumns(row: DelimitedRow | undefined): Map<ColumnRole, RecognisedColumn> | null {
  if (!row) return null;
  const columns = recogniseColumns(row.cells);
  return (columns.has('relativePressure') || columns.has('pressure')) && columns.has('loading') ? columns : null;
}

/** The header row: the first that names a pressure and a loading column, or the last of several such rows in a row
 * (pyGAPS CSV puts a "data:[pressure,loading,…]" banner above the real header). */
export function findHeader(rows: readonly DelimitedRow[]): HeaderMatch | null {
  for (let i = 0; i < Math.min(rows.length, 200); i++) {
    let columns = headerColumns(rows[i]);
    if (!columns) continue;
    for (let next = headerColumns(rows[i + 1]); next; next = headerColumns(rows[i + 1])) {
      columns = next;
      i++;
    }
    return { index: i, columns };
  }
  return null;
}

interface FileMetadata {
  massG?: number;
  /** AIF/pyGAPS `_units_loading` / `_units_pressure` lines: the units of columns whose headers name none. */
  loadingUnit?: string;
  pressureUnit?: string;
  /** `_units_mass`: completes a loading unit given per material ("mmol" per "g"). */
  massUnit?: string;
  adsorbate?: string;
  temperatureK?: number;
  p0Kpa?: number;
  sampleName?: string;
  operator?: string;
  instrument?: string;
  date?: string;
}

/** `key, value[, unit]` or `key: value` lines before the header. */
function readMetadata(rows: readonly DelimitedRow[], decimalComma: boolean): FileMetadata {
  const meta: FileMetadata = {};
  for (const row of rows) {
    let key = row.cells[0] ?? '';
    let value = row.cells[1] ?? '';
    if (row.cells.length === 1 && /[:=]/.test(key)) [key, value] = key.split(/[:=](.*)/s).map((s) => s.trim()) as [string, string];
    const unit = `${key} ${row.cells[2] ?? ''}`;
    key = key.replace(/^#\s*/, '').toLowerCase();
    const number = tryParseNumber(value.replace(/\s*[a-z°]+$/i, ''), decimalComma);
    if (/^_?units?_loading$/.test(key) && value) meta.loadingUnit = value;
    else if (/^_?units?_pressure$/.test(key) && value) meta.pressureUnit = value;
    else if (/^_?units?_mass$/.test(key) && value) meta.massUnit = value;
    else if (/degas|outgas|activation/.test(key)) continue; // a preparation temperature, not the bath's
    else if (/mass|weight/.test(key) && number !== null) meta.massG = /\bmg\b/.test(unit + value) ? number / 1000 : number;
    else if (/adsorb|adsorptive|gas/.test(key) && value) meta.adsorbate = value;
    else if (/temp/.test(key) && number !== null) meta.temperatureK = temperatureToK(number, /°?\s*c\b|celsius/i.test(unit + ' ' + value) ? 'C' : 'K') ?? undefined;
    else if (/^(p0|po|saturation)/.test(key)) {
      const kpa = parsePressureWithUnit(value.replace(',', decimalComma ? '.' : ','), (/\(([^)]+)\)/.exec(unit)?.[1] ?? row.cells[2] ?? 'kpa').trim());
      if (kpa !== null) meta.p0Kpa = kpa;
    } else if (/sample|material/.test(key) && !/basis|mass|weight|degas|temp/.test(key) && value) meta.sampleName = value;
    else if (/operator|user/.test(key) && value) meta.operator = value;
    else if (/instrument/.test(key) && value) meta.instrument = value;
    else if (/date/.test(key) && value) meta.date = value;
  }
  return meta;
}

/**
 * A p0 column that the measured pressures exceed by more than MAX_RELATIVE_PRESSURE cannot be the run's saturation
 * pressure (pyGAPS files carry such columns as extra data). When the adsorptive's vapour pressure at the bath
 * temperature is known it replaces the column, stated; otherwise the column stands and the range check reports it.
 */
function implausibleP0Column(data: DelimitedRow[], pressureCol: number, p0Col: number, p0ToPressureUnits: number, decimalComma: boolean, adsorbate: string | undefined, temperatureK: number | undefined) {
  if (adsorbate === undefined || temperatureK === undefined) return null;
  let highest = -Infinity;
  let columnValue = Infinity;
  for (const row of data) {
    const p = tryParseNumber(row.cells[pressureCol] ?? '', decimalComma);
    const p0 = tryParseNumber(row.cells[p0Col] ?? '', decimalComma);
    if (p === null || p0 === null) continue;
    highest = Math.max(highest, p);
    columnValue = Math.min(columnValue, p0 * p0ToPressureUnits);
  }
  if (!(highest > MAX_RELATIVE_PRESSURE * columnValue)) return null;
  const name = normaliseAdsorbate(adsorbate);
  const p0Kpa = assumedP0Kpa(name, temperatureK);
  return p0Kpa === null ? null : { p0Kpa, highest, columnValue, statement: assumedP0Statement(name, temperatureK, p0Kpa) };
}

/** Pressure steps against the branch direction larger than this are not noise but a file out of order. */
const OUT_OF_ORDER_STEP = 0.02;

/**
 * Without a branch column, branches are told apart by one turning point; a file whose pressures rise again after
 * falling (or fall during adsorption) cannot be split safely, so it is refused rather than misread.
 */
function checkSingleTurningPoint(pressure: Float64Array, branch: number[], line: (number | undefined)[], file: string): void {
  for (let i = 1; i < pressure.length; i++) {
    const step = pressure[i]! - pressure[i - 1]!;
    const against = branch[i] === 0 ? -step : branch[i - 1] === 1 ? step : 0;
    if (against > OUT_OF_ORDER_STEP) {
      throw new InputError('E_UNSORTED_PRESSURE', `p/p0 ${branch[i] === 0 ? 'falls' : 'rises'} from ${pressure[i - 1]} to ${pressure[i]} ${branch[i] === 0 ? 'before' : 'after'} the highest point, so adsorption and desorption cannot be told apart`, { file, line: line[i] }, 'sort the rows in measurement order, or add a Branch column (ads/des)');
    }
  }
}

/** Labelled points are put in measurement order (adsorption rising, desorption falling), whatever the row order. */
function sortLabelledPoints(points: PointList): void {
  const order = points.branch.map((_, i) => i).sort((a, b) => points.branch[a]! - points.branch[b]! || (points.branch[a] === 0 ? 1 : -1) * (points.relativePressure[a]! - points.relativePressure[b]!) || a - b);
  const pick = <T>(list: T[]): T[] => order.map((i) => list[i]!);
  points.relativePressure = pick(points.relativePressure);
  points.loadingCm3StpPerG = pick(points.loadingCm3StpPerG);
  points.branch = pick(points.branch);
  points.line = pick(points.line);
}

/** Detection and reading share one parse of the text. */
const tables = new WeakMap<RawInput, DelimitedTable>();
function tableOf(input: RawInput): DelimitedTable {
  let table = tables.get(input);
  if (!table) tables.set(input, (table = parseDelimited(input.text, input.file)));
  return table;
}

export const genericCsvReader: IsothermReader = {
  id: 'generic-csv',
  description: 'delimited text (comma, semicolon, tab; decimal comma) with headers naming p/p0 or pressure (+ p0) and the amount adsorbed with its unit',
  extensions: ['.csv', '.txt', '.tsv'],
  detect(input) {
    if (input.isSpreadsheet) return { score: 0, reason: 'a spreadsheet' };
    const { rows } = tableOf(input);
    return findHeader(rows) ? { score: 10, reason: '' } : { score: 0, reason: 'no header row naming a pressure and a loading column' };
  },
  read(input: RawInput, options: IsothermReadOptions) {
    const file = input.file;
    const { rows, decimalComma, delimiter } = tableOf(input);
    if (rows.length === 0) throw new InputError('E_EMPTY_FILE', 'the file holds no text', { file });
    const header = findHeader(rows);
    if (!header) {
      throw new InputError('E_MISSING_COLUMN', 'no header row names a relative-pressure (or pressure) column and an amount-adsorbed column', { file, line: rows[0]!.line }, 'add a header such as "Relative Pressure (P/Po),Quantity Adsorbed (cm³/g STP)"');
    }
    return isothermFromRows({ file, format: 'generic-csv', rows, header, metadataRows: rows.slice(0, header.index), decimalComma, delimiter }, options);
  },
};

export interface TableInput {
  file: string;
  format: string;
  /** All rows; the header is rows[header.index], data follow it. */
  rows: readonly DelimitedRow[];
  header: HeaderMatch;
  /** `key, value` rows: those above the header, and (spreadsheets) those of other sheets. */
  metadataRows: readonly DelimitedRow[];
  decimalComma: boolean;
  /** The text separator, when the rows come from delimited text. */
  delimiter?: string;
}

/** The isotherm of a table found by its header, with what the metadata rows say (shared by text and spreadsheets). */
export function isothermFromRows(table: TableInput, options: IsothermReadOptions): Isotherm {
  const { file, rows, header, decimalComma, delimiter } = table;
  const meta = readMetadata(table.metadataRows, decimalComma);
  const headerLine = rows[header.index]!.line;
  const data = rows.slice(header.index + 1);
  if (data.length === 0) throw new InputError('E_NO_DATA', 'the header is not followed by any data rows', { file, line: headerLine });

  const { columns } = header;
  const loadingColumn = columns.get('loading')!;
  let loadingUnit = loadingUnitOf(loadingColumn);
  if (!loadingUnit && !loadingColumn.unitText && meta.loadingUnit) {
    loadingUnit = parseLoadingUnit(!meta.loadingUnit.includes('/') && meta.massUnit ? `${meta.loadingUnit}/${meta.massUnit}` : meta.loadingUnit);
  }
  if (!loadingUnit && options.loadingUnit) {
    loadingUnit = parseLoadingUnit(options.loadingUnit);
    if (!loadingUnit) throw new InputError('E_UNKNOWN_UNIT', `--loading-unit "${options.loadingUnit}" is not a known unit`, { field: '--loading-unit' }, 'use cm3/g, mmol/g, mol/g, mol/kg or cc (total, with --mass)');
  }
  if (!loadingUnit) {
    const what = loadingColumn.unitText ? `unit "${loadingColumn.unitText}" is not recognised` : 'names no unit';
    throw new InputError('E_UNKNOWN_UNIT', `loading column "${loadingColumn.header}" ${what}`, { file, line: headerLine, field: loadingColumn.header }, 'put the unit in the header, e.g. "(cm³/g STP)" or "(mmol/g)", or pass --loading-unit');
  }
  const massG = options.massG ?? meta.massG ?? null;
  if (!loadingUnit.perGram && massG === null) {
    throw new InputError('E_MISSING_MASS', `loading column "${loadingColumn.header}" is a total amount (${loadingUnit.name}) and no sample mass is given`, { file, line: headerLine, field: loadingColumn.header }, 'pass --mass GRAMS or add a "Sample mass (g)" line');
  }
  const loadingFactor = loadingUnit.toCm3Stp / (loadingUnit.perGram ? 1 : massG!);

  // Pressure basis: relative column, or absolute pressure with p0 (column, metadata line, or --p0).
  const relative = columns.get('relativePressure');
  const absolute = columns.get('pressure');
  const p0Column = columns.get('p0');
  let pressureCol: number;
  let p0Col = -1;
  let p0InPressureUnits: number | null = null;
  const assumptions: string[] = [];
  if (relative) {
    pressureCol = relative.index;
  } else {
    pressureCol = absolute!.index;
    const pressureKpa = pressureFactorOf(absolute!) ?? (absolute!.unitText === null && meta.pressureUnit ? pressureUnitToKpa(meta.pressureUnit) : null);
    if (p0Column) {
      const p0Kpa = pressureFactorOf(p0Column) ?? (p0Column.unitText === null && meta.pressureUnit ? pressureUnitToKpa(meta.pressureUnit) : null);
      if ((pressureKpa === null) !== (p0Kpa === null)) {
        throw new InputError('E_UNKNOWN_UNIT', `pressure "${absolute!.header}" and p0 "${p0Column.header}" must both name their unit, or neither`, { file, line: headerLine }, 'name the unit in both headers, e.g. "(kPa)"');
      }
      p0Col = p0Column.index;
      // Ratio of two pressures: convert p0 into the pressure column's unit.
      p0InPressureUnits = pressureKpa === null ? 1 : p0Kpa! / pressureKpa;
      const replacement = pressureKpa === null ? null : implausibleP0Column(data, pressureCol, p0Col, p0InPressureUnits, decimalComma, options.adsorbate ?? meta.adsorbate, meta.temperatureK);
      if (replacement) {
        p0Col = -1;
        p0InPressureUnits = replacement.p0Kpa / pressureKpa!;
        assumptions.push(`the file's "${p0Column.header}" column (${replacement.columnValue}) lies below its own highest pressure (${replacement.highest}), so it is not this run's saturation pressure; ${replacement.statement}`);
      }
    } else {
      let p0Kpa = options.p0Kpa ?? meta.p0Kpa;
      // A file that names its adsorptive and temperature has a known p0 where physics gives one (stated).
      const namedAdsorbate = options.adsorbate ?? meta.adsorbate;
      if (p0Kpa === undefined && namedAdsorbate !== undefined && meta.temperatureK !== undefined) {
        const assumed = assumedP0Kpa(normaliseAdsorbate(namedAdsorbate), meta.temperatureK);
        if (assumed !== null) {
          p0Kpa = assumed;
          assumptions.push(assumedP0Statement(normaliseAdsorbate(namedAdsorbate), meta.temperatureK, assumed));
        }
      }
      if (p0Kpa === undefined) throw new InputError('E_MISSING_P0', `absolute pressures ("${absolute!.header}") but no p0 column or p0 line`, { file, line: headerLine }, 'add a p0 column or pass --p0 VALUE[UNIT], e.g. --p0 101.3kPa');
      if (pressureKpa === null) throw new InputError('E_UNKNOWN_UNIT', `pressure column "${absolute!.header}" names no unit, so p0 cannot be applied`, { file, line: headerLine, field: absolute!.header }, 'name the unit in the header, e.g. "Pressure (kPa)"');
      p0InPressureUnits = p0Kpa / pressureKpa;
    }
  }
  const loadingCol = loadingColumn.index;
  const branchCol = columns.get('branch')?.index ?? -1;
  const needed = Math.max(pressureCol, loadingCol, p0Col, branchCol) + 1;

  const headerCells = rows[header.index]!.cells.length;
  const points = emptyPoints();
  for (const row of data) {
    if (row.cells.length < needed) {
      throw new InputError('E_ROW_LENGTH', `row has ${row.cells.length} cells, the header needs ${needed}`, { file, line: row.line }, 'complete or remove the row (truncated file?)');
    }
    if (row.cells.length > headerCells && row.cells.slice(headerCells).some((c) => c !== '')) {
      const why = delimiter === ',' && row.cells.slice(headerCells).every((c) => /^\d+$/.test(c)) ? ' — decimal commas in a comma-separated file?' : '';
      throw new InputError('E_ROW_LENGTH', `row has ${row.cells.length} cells, the header names ${headerCells}${why}`, { file, line: row.line }, 'save the file with a semicolon or tab separator when numbers use decimal commas');
    }
    // The error location is built only for a bad cell: one object per cell was most of this loop's garbage.
    const pressure = tryParseNumber(row.cells[pressureCol]!, decimalComma) ?? parseNumber(row.cells[pressureCol]!, { file, line: row.line, field: rows[header.index]!.cells[pressureCol] }, decimalComma);
    let relativePressure = pressure;
    if (!relative) {
      const p0 = p0Col >= 0 ? (tryParseNumber(row.cells[p0Col]!, decimalComma) ?? parseNumber(row.cells[p0Col]!, { file, line: row.line, field: p0Column!.header }, decimalComma)) * p0InPressureUnits! : p0InPressureUnits!;
      if (!(p0 > 0)) throw new InputError('E_BAD_NUMBER', `p0 ${p0} is not positive`, { file, line: row.line, field: p0Column?.header ?? 'p0' });
      relativePressure = pressure / p0;
    }
    const loading = (tryParseNumber(row.cells[loadingCol]!, decimalComma) ?? parseNumber(row.cells[loadingCol]!, { file, line: row.line, field: loadingColumn.header }, decimalComma)) * loadingFactor;
    let branch = -1;
    if (branchCol >= 0) {
      const label = parseBranchLabel(row.cells[branchCol]!);
      if (label === null) throw new InputError('E_BAD_BRANCH', `branch "${row.cells[branchCol]}" is not adsorption or desorption`, { file, line: row.line, field: rows[header.index]!.cells[branchCol] });
      branch = label;
    }
    points.relativePressure.push(relativePressure);
    points.loadingCm3StpPerG.push(loading);
    points.branch.push(branch);
    points.line.push(row.line);
  }
  if (branchCol < 0) {
    const pressures = Float64Array.from(points.relativePressure);
    points.branch = Array.from(branchesByTurningPoint(pressures));
    checkSingleTurningPoint(pressures, points.branch, points.line, file);
  } else {
    sortLabelledPoints(points);
  }

  const adsorbate = normaliseAdsorbate(options.adsorbate ?? meta.adsorbate ?? 'nitrogen');
  if (!options.adsorbate && !meta.adsorbate) assumptions.push('adsorbate taken as nitrogen: the file does not name it (--adsorbate overrides)');
  const temperatureK = meta.temperatureK ?? (adsorbate === 'nitrogen' ? DEFAULT_N2_TEMPERATURE_K : null);
  if (meta.temperatureK === undefined && temperatureK !== null) assumptions.push(`bath temperature taken as ${DEFAULT_N2_TEMPERATURE_K} K: the file does not give it`);
  const metadata: IsothermMetadata = {
    ...(meta.sampleName ? { sampleName: meta.sampleName } : {}),
    ...(meta.operator ? { operator: meta.operator } : {}),
    ...(meta.instrument ? { instrument: meta.instrument } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.p0Kpa !== undefined ? { p0: { value: meta.p0Kpa, unit: 'kPa' } } : {}),
  };
  return buildIsotherm({ file, format: table.format, points, adsorbate, temperatureK, sampleMassG: massG, metadata, assumptions });
}
