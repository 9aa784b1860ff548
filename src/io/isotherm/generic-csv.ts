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
import { CellCursor, parseDelimited, UnquotedText, type DelimitedRow, type RowSequence } from '../delimited.js';
import type { RawInput } from '../input.js';
import { parseNumber, tryParseNumber } from '../numbers.js';
import { normaliseAdsorbate, parseLoadingUnit, parsePressureWithUnit, pressureUnitToKpa, temperatureToK } from '../units.js';
import { buildIsotherm, MAX_RELATIVE_PRESSURE, PointBuffer } from './build.js';
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
 * (pyGAPS CSV puts a "data:[pressure,loading,…]" banner above the real header). Only rows up to the header's next
 * are looked at, so rows of text made on demand are made only for those. */
export function findHeader(rows: RowSequence): HeaderMatch | null {
  for (let i = 0; i < Math.min(rows.length, 200); i++) {
    let columns = headerColumns(rows.at(i));
    if (!columns) continue;
    for (let next = headerColumns(rows.at(i + 1)); next; next = headerColumns(rows.at(i + 1))) {
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
function implausibleP0Column(data: DataRows, pressureCol: number, p0Col: number, p0ToPressureUnits: number, decimalComma: boolean, adsorbate: string | undefined, temperatureK: number | undefined) {
  if (adsorbate === undefined || temperatureK === undefined) return null;
  let highest = -Infinity;
  let columnValue = Infinity;
  for (let r = 0; r < data.length; r++) {
    data.select(r);
    const p = data.number(pressureCol, decimalComma);
    const p0 = data.number(p0Col, decimalComma);
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
function checkSingleTurningPoint(pressure: Float64Array, branch: ArrayLike<number>, line: ArrayLike<number>, file: string): void {
  for (let i = 1; i < pressure.length; i++) {
    const step = pressure[i]! - pressure[i - 1]!;
    const against = branch[i] === 0 ? -step : branch[i - 1] === 1 ? step : 0;
    if (against > OUT_OF_ORDER_STEP) {
      throw new InputError('E_UNSORTED_PRESSURE', `p/p0 ${branch[i] === 0 ? 'falls' : 'rises'} from ${pressure[i - 1]} to ${pressure[i]} ${branch[i] === 0 ? 'before' : 'after'} the highest point, so adsorption and desorption cannot be told apart`, { file, line: line[i] }, 'sort the rows in measurement order, or add a Branch column (ads/des)');
    }
  }
}

type Points = ReturnType<PointBuffer['columns']>;

/**
 * Labelled points are put in measurement order (adsorption rising, desorption falling), whatever the row order.
 * Rows already in that order (as instruments write them) are left as they are, without sorting: the sort would
 * return them unchanged, since Array.prototype.sort first takes the longest run in order, and a run of all the
 * points is already the result.
 */
function sortLabelledPoints(points: Points): Points {
  const { relativePressure, branch } = points;
  const compare = (a: number, b: number): number => branch[a]! - branch[b]! || (branch[a] === 0 ? 1 : -1) * (relativePressure[a]! - relativePressure[b]!) || a - b;
  let inOrder = true;
  for (let i = 1; i < branch.length && inOrder; i++) inOrder = compare(i, i - 1) >= 0;
  if (inOrder) return points;
  const order = Array.from(branch, (_, i) => i).sort(compare);
  const pick = <T extends { [index: number]: number; slice(): T }>(list: T): T => {
    const picked = list.slice();
    order.forEach((from, to) => (picked[to] = list[from]!));
    return picked;
  };
  return { relativePressure: pick(points.relativePressure), loadingCm3StpPerG: pick(points.loadingCm3StpPerG), branch: pick(points.branch), line: pick(points.line) };
}

/** The rows of a delimited text: indexed (cells made on demand) where it holds no quote, else csv-parse's. */
interface TextTable {
  rows: RowSequence;
  delimiter: string;
  /** Whether numbers use decimal commas (found on first use: detection does not need it). */
  decimalComma(): boolean;
  /** The rows from index `first` on, for reading their numbers. */
  dataFrom(first: number): DataRows;
  /** findHeader(rows), once found (detection and reading both ask). */
  header?: HeaderMatch | null;
}

function headerOf(table: TextTable): HeaderMatch | null {
  if (table.header === undefined) table.header = findHeader(table.rows);
  return table.header;
}

function textTable(text: string, file: string): TextTable {
  const indexed = UnquotedText.of(text);
  if (indexed) return { rows: indexed, delimiter: indexed.delimiter, decimalComma: () => indexed.decimalComma, dataFrom: (first) => new TextDataRows(indexed, first) };
  const { rows, delimiter, decimalComma } = parseDelimited(text, file);
  return { rows, delimiter, decimalComma: () => decimalComma, dataFrom: (first) => new ArrayDataRows(rows.slice(first)) };
}

/** Detection and reading share one parse of the text. */
const tables = new WeakMap<RawInput, TextTable>();
function tableOf(input: RawInput): TextTable {
  let table = tables.get(input);
  if (!table) tables.set(input, (table = textTable(input.text, input.file)));
  return table;
}

/**
 * The data rows below a header, one selected at a time: its line, its cells' count, text and numbers. Rows of text
 * are read by a CellCursor (numbers parsed from the characters, no string per cell); rows of a spreadsheet, or of
 * text csv-parse split, from their cells.
 */
export interface DataRows {
  readonly length: number;
  /** Selects data row r (0-based) and returns how many cells it has. */
  select(r: number): number;
  /** 1-based line (or sheet row) of the selected row. */
  line(): number;
  /** The selected row's trimmed cell c ('' past its end). */
  text(c: number): string;
  /** tryParseNumber(text(c), decimalComma). */
  number(c: number, decimalComma: boolean): number | null;
  /** parseBranchLabel(text(c)). */
  branch(c: number): 0 | 1 | null;
  /** Whether a cell from c on is not empty. */
  hasTextFrom(c: number): boolean;
  /** The cells from c on. */
  textFrom(c: number): string[];
}

class ArrayDataRows implements DataRows {
  private cells: readonly string[] = [];
  private row: DelimitedRow | undefined;
  constructor(private readonly rows: readonly DelimitedRow[]) {}
  get length(): number {
    return this.rows.length;
  }
  select(r: number): number {
    this.row = this.rows[r]!;
    this.cells = this.row.cells;
    return this.cells.length;
  }
  line(): number {
    return this.row!.line;
  }
  text(c: number): string {
    return this.cells[c] ?? '';
  }
  number(c: number, decimalComma: boolean): number | null {
    return tryParseNumber(this.cells[c] ?? '', decimalComma);
  }
  branch(c: number): 0 | 1 | null {
    return parseBranchLabel(this.cells[c]!);
  }
  hasTextFrom(c: number): boolean {
    return this.cells.slice(c).some((cell) => cell !== '');
  }
  textFrom(c: number): string[] {
    return this.cells.slice(c);
  }
}

class TextDataRows implements DataRows {
  private readonly cursor = new CellCursor();
  private index = -1;
  private count = 0;
  constructor(
    private readonly text_: UnquotedText,
    private readonly first: number,
  ) {}
  get length(): number {
    return this.text_.length - this.first;
  }
  select(r: number): number {
    this.index = this.first + r;
    this.count = this.text_.scanRow(this.index, this.cursor);
    return this.count;
  }
  line(): number {
    return this.text_.line(this.index);
  }
  text(c: number): string {
    return this.cursor.text(c);
  }
  number(c: number, decimalComma: boolean): number | null {
    return this.cursor.number(c, decimalComma);
  }
  /** The labels instruments write, compared in place; any other through parseBranchLabel. */
  branch(c: number): 0 | 1 | null {
    if (this.cursor.equals(c, 'ads')) return 0;
    if (this.cursor.equals(c, 'des')) return 1;
    return parseBranchLabel(this.cursor.text(c));
  }
  hasTextFrom(c: number): boolean {
    for (let k = c; k < this.count; k++) if (!this.cursor.isEmpty(k)) return true;
    return false;
  }
  textFrom(c: number): string[] {
    const cells: string[] = [];
    for (let k = c; k < this.count; k++) cells.push(this.cursor.text(k));
    return cells;
  }
}

export const genericCsvReader: IsothermReader = {
  id: 'generic-csv',
  description: 'delimited text (comma, semicolon, tab; decimal comma) with headers naming p/p0 or pressure (+ p0) and the amount adsorbed with its unit',
  extensions: ['.csv', '.txt', '.tsv'],
  detect(input) {
    if (input.isSpreadsheet) return { score: 0, reason: 'a spreadsheet' };
    return headerOf(tableOf(input)) ? { score: 10, reason: '' } : { score: 0, reason: 'no header row naming a pressure and a loading column' };
  },
  read(input: RawInput, options: IsothermReadOptions) {
    const file = input.file;
    const table = tableOf(input);
    const { rows, delimiter } = table;
    if (rows.length === 0) throw new InputError('E_EMPTY_FILE', 'the file holds no text', { file });
    const header = headerOf(table);
    if (!header) {
      throw new InputError('E_MISSING_COLUMN', 'no header row names a relative-pressure (or pressure) column and an amount-adsorbed column', { file, line: rows.at(0)!.line }, 'add a header such as "Relative Pressure (P/Po),Quantity Adsorbed (cm³/g STP)"');
    }
    const metadataRows = Array.from({ length: header.index }, (_, i) => rows.at(i)!);
    return isothermFromRows({ file, format: 'generic-csv', rows, header, metadataRows, decimalComma: table.decimalComma(), delimiter, data: table.dataFrom(header.index + 1) }, options);
  },
};

export interface TableInput {
  file: string;
  format: string;
  /** All rows; the header is rows.at(header.index), data follow it. */
  rows: RowSequence;
  header: HeaderMatch;
  /** `key, value` rows: those above the header, and (spreadsheets) those of other sheets. */
  metadataRows: readonly DelimitedRow[];
  decimalComma: boolean;
  /** The text separator, when the rows come from delimited text. */
  delimiter?: string;
  /** The data rows, when they can be read more cheaply than from `rows` (delimited text). */
  data?: DataRows;
}

/** The isotherm of a table found by its header, with what the metadata rows say (shared by text and spreadsheets). */
export function isothermFromRows(table: TableInput, options: IsothermReadOptions): Isotherm {
  const { file, rows, header, decimalComma, delimiter } = table;
  const meta = readMetadata(table.metadataRows, decimalComma);
  const headerRow = rows.at(header.index)!;
  const headerLine = headerRow.line;
  const data = table.data ?? new ArrayDataRows(Array.from({ length: Math.max(0, rows.length - header.index - 1) }, (_, i) => rows.at(header.index + 1 + i)!));
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

  const headerCells = headerRow.cells.length;
  const buffer = new PointBuffer(data.length);
  for (let r = 0; r < data.length; r++) {
    const cellCount = data.select(r);
    if (cellCount < needed) {
      throw new InputError('E_ROW_LENGTH', `row has ${cellCount} cells, the header needs ${needed}`, { file, line: data.line() }, 'complete or remove the row (truncated file?)');
    }
    if (cellCount > headerCells && data.hasTextFrom(headerCells)) {
      const why = delimiter === ',' && data.textFrom(headerCells).every((c) => /^\d+$/.test(c)) ? ' — decimal commas in a comma-separated file?' : '';
      throw new InputError('E_ROW_LENGTH', `row has ${cellCount} cells, the header names ${headerCells}${why}`, { file, line: data.line() }, 'save the file with a semicolon or tab separator when numbers use decimal commas');
    }
    // The error location is built only for a bad cell: one object per cell was most of this loop's garbage.
    const pressure = data.number(pressureCol, decimalComma) ?? parseNumber(data.text(pressureCol), { file, line: data.line(), field: headerRow.cells[pressureCol] }, decimalComma);
    let relativePressure = pressure;
    if (!relative) {
      const p0 = p0Col >= 0 ? (data.number(p0Col, decimalComma) ?? parseNumber(data.text(p0Col), { file, line: data.line(), field: p0Column!.header }, decimalComma)) * p0InPressureUnits! : p0InPressureUnits!;
      if (!(p0 > 0)) throw new InputError('E_BAD_NUMBER', `p0 ${p0} is not positive`, { file, line: data.line(), field: p0Column?.header ?? 'p0' });
      relativePressure = pressure / p0;
    }
    const loading = (data.number(loadingCol, decimalComma) ?? parseNumber(data.text(loadingCol), { file, line: data.line(), field: loadingColumn.header }, decimalComma)) * loadingFactor;
    let branch = -1;
    if (branchCol >= 0) {
      const label = data.branch(branchCol);
      if (label === null) throw new InputError('E_BAD_BRANCH', `branch "${data.text(branchCol)}" is not adsorption or desorption`, { file, line: data.line(), field: headerRow.cells[branchCol] });
      branch = label;
    }
    buffer.push(relativePressure, loading, branch, data.line());
  }
  let points = buffer.columns();
  if (branchCol < 0) {
    points.branch.set(branchesByTurningPoint(points.relativePressure));
    checkSingleTurningPoint(points.relativePressure, points.branch, points.line, file);
  } else {
    points = sortLabelledPoints(points);
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
