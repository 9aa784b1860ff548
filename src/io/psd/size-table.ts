/**
 * A particle-size table of any common layout → bins and per-bin values. Sizes come as lower/upper pairs, as one
 * column of class limits (n + 1 values, one value cell blank), or as class points (edges then at geometric
 * midpoints); values as per-class % or counts, cumulative undersize or oversize, or densities q (per unit size) and
 * q* (per log size); sizes ascending or descending (../shared/docs/science.md, "Particle-size distributions").
 * Generic delimited files, Horiba LA and Mastersizer 3000 exports all end here.
 */
import { InputError, type ErrorLocation } from '../../errors.js';
import type { Basis, Distribution, DistributionMetadata, VendorStatistic } from '../../model/distribution.js';
import { CellCursor, UnquotedText, type DelimitedRow, type RowSequence } from '../delimited.js';
import { tryParseNumber, tryParseNumberIn } from '../numbers.js';
import { formatSize } from '../../model/size-text.js';
import { buildDistribution, type BinValues } from './build.js';
import { isBlank, parseShare } from './cells.js';
import { basisWord, classifyHeader, type HeaderRole, type ValueKind } from './headers.js';
import type { PsdReadOptions } from './reader.js';
import { parseSizeUnit, splitValueAndUnit, type SizeUnit } from './size-units.js';

type SizeRole = Extract<HeaderRole, { role: 'size' }>;
type ValueRole = Extract<HeaderRole, { role: 'value' }>;

export interface SizeTableHeader {
  /** Index of the header row in the rows. */
  index: number;
  roles: HeaderRole[];
}

/** The first row that names a size column and is followed by a row with a number under it. */
export function findSizeHeader(rows: RowSequence, decimalComma: boolean, needValueColumn: boolean): SizeTableHeader | null {
  for (let h = 0; h + 1 < rows.length; h++) {
    const roles = rows.at(h)!.cells.map(classifyHeader);
    const size = roles.findIndex((r) => r.role === 'size');
    if (size < 0) continue;
    if (needValueColumn && !roles.some((r) => r.role === 'value')) continue;
    if (sizeNumber(rows.at(h + 1)!.cells[size] ?? '', decimalComma) !== null) return { index: h, roles };
  }
  return null;
}

/** A size cell as a number, accepting an inline unit ("0.5 µm"). */
function sizeNumber(cell: string, decimalComma: boolean): number | null {
  const plain = tryParseNumber(cell, decimalComma);
  if (plain !== null) return plain;
  const split = splitValueAndUnit(cell);
  return split ? tryParseNumber(split.number, decimalComma) : null;
}

/** Key/value lines above the table ("Sample Name<TAB>X", "Distribution base<TAB>Volume"). */
export function readPreamble(rows: DelimitedRow[]): { metadata: DistributionMetadata; statedBasis: Basis | null } {
  const metadata: DistributionMetadata = {};
  const extra: Record<string, string> = {};
  let statedBasis: Basis | null = null;
  for (const row of rows) {
    const key = (row.cells[0] ?? '').replace(/[:=]\s*$/, '').trim();
    const value = row.cells.slice(1).find((c) => c.trim() !== '')?.trim() ?? '';
    if (!key || !value || tryParseNumber(key) !== null) continue;
    const k = key.toLowerCase();
    if (/^sample( name| id)?$/.test(k)) metadata.sampleName = value;
    else if (/\bdate\b/.test(k)) metadata.date = value;
    else if (/^(instrument|model|instrument model)$/.test(k)) metadata.instrument = value;
    else if (/distribution (base|type)|^basis$|^base$|result transform|^distribution$/.test(k)) statedBasis = basisWord(value) ?? statedBasis;
    extra[key] = value;
  }
  if (Object.keys(extra).length > 0) metadata.extra = extra;
  return { metadata, statedBasis };
}

export interface SizeTableInput {
  file: string;
  format: string;
  /** The rows; when they are an UnquotedText, data rows are read from the text through a CellCursor. */
  rows: RowSequence;
  decimalComma: boolean;
  header: SizeTableHeader;
  options: PsdReadOptions;
  /** A basis the file states outside the table (Horiba "Distribution base"). */
  statedBasis?: Basis | null;
  metadata?: DistributionMetadata;
  assumptions?: string[];
  /** The instrument's own statistics, passed through for reconciliation. */
  vendor?: VendorStatistic[];
  /**
   * The sizes are known to be class limits (not class points), with this reading when the values cannot tell
   * (e.g. Malvern exports, whose value under limit x_j is the share between x_(j−1) and x_j).
   */
  limits?: { layout: 'upper' | 'lower'; source: string };
}

interface ValueColumn {
  index: number;
  name: string;
  kind: ValueKind;
  basis: Basis;
  percent: boolean;
}

/**
 * The cells of the data rows, by body row b (0 = the row under the header) and column c: from a row's cells, or from
 * offsets into text without quotes, where a cell becomes a string only when it is not a plain number (or an error
 * must quote it).
 */
interface BodyCells {
  readonly length: number;
  line(b: number): number;
  /** The trimmed cell; '' for a missing one. */
  text(b: number, c: number): string;
  /** tryParseNumber(text(b, c), decimalComma). */
  number(b: number, c: number): number | null;
  /** isBlank(text(b, c)). */
  blank(b: number, c: number): boolean;
  /** splitValueAndUnit(text(b, c)). */
  unit(b: number, c: number): ReturnType<typeof splitValueAndUnit>;
}

class RowCells implements BodyCells {
  constructor(
    private readonly rows: readonly DelimitedRow[],
    private readonly decimalComma: boolean,
  ) {}
  get length(): number {
    return this.rows.length;
  }
  line(b: number): number {
    return this.rows[b]!.line;
  }
  text(b: number, c: number): string {
    return this.rows[b]!.cells[c] ?? '';
  }
  number(b: number, c: number): number | null {
    return tryParseNumber(this.text(b, c), this.decimalComma);
  }
  blank(b: number, c: number): boolean {
    return isBlank(this.rows[b]!.cells[c]);
  }
  unit(b: number, c: number): ReturnType<typeof splitValueAndUnit> {
    return splitValueAndUnit(this.text(b, c));
  }
}

/** Cells as start/end offsets into the text (trimmed, as splitLine trims), `columns` per row. */
class TextCells implements BodyCells {
  constructor(
    private readonly source: string,
    private readonly offsets: Int32Array,
    private readonly columns: number,
    private readonly lines: Int32Array,
    readonly length: number,
    private readonly decimalComma: boolean,
  ) {}
  line(b: number): number {
    return this.lines[b]!;
  }
  private at(b: number, c: number): number {
    return 2 * (b * this.columns + c);
  }
  text(b: number, c: number): string {
    if (c >= this.columns) return '';
    const k = this.at(b, c);
    return this.source.slice(this.offsets[k]!, this.offsets[k + 1]!);
  }
  number(b: number, c: number): number | null {
    if (c >= this.columns) return tryParseNumber('', this.decimalComma);
    const k = this.at(b, c);
    return tryParseNumberIn(this.source, this.offsets[k]!, this.offsets[k + 1]!, this.decimalComma);
  }
  blank(b: number, c: number): boolean {
    if (c >= this.columns) return true;
    const k = this.at(b, c);
    return this.offsets[k] === this.offsets[k + 1];
  }
  unit(b: number, c: number): ReturnType<typeof splitValueAndUnit> {
    if (c >= this.columns) return null;
    // A cell ending in a digit has no unit after it (splitValueAndUnit's own first test), and needs no string.
    const end = this.offsets[this.at(b, c) + 1]!;
    const last = this.source.charCodeAt(end - 1);
    return last >= 0x30 && last <= 0x39 && end > this.offsets[this.at(b, c)]! ? null : splitValueAndUnit(this.text(b, c));
  }
}

/** The data rows: from the header down to the first row without a size in the key column. */
interface Body {
  cells: BodyCells;
  /** The key size of each body row, in the column's unit. */
  keySizes: Float64Array;
}

function readBody(rows: RowSequence, header: SizeTableHeader, key: number, decimalComma: boolean): Body {
  return rows instanceof UnquotedText ? textBody(rows, header, key, decimalComma) : rowBody(rows, header.index + 1, key, decimalComma);
}

function rowBody(rows: RowSequence, first: number, key: number, decimalComma: boolean): Body {
  const body: DelimitedRow[] = [];
  const keySizes = new Float64Array(Math.max(0, rows.length - first));
  for (let r = first; r < rows.length; r++) {
    const row = rows.at(r)!;
    const size = sizeNumber(row.cells[key] ?? '', decimalComma);
    if (size === null) break;
    keySizes[body.length] = size;
    body.push(row);
  }
  return { cells: new RowCells(body, decimalComma), keySizes: keySizes.subarray(0, body.length) };
}

/**
 * Data rows of text without quotes, read through a CellCursor: the offsets of the header's columns are kept per row
 * (in arrays sized for every row below the header), no row's cells become strings.
 */
function textBody(text: UnquotedText, header: SizeTableHeader, key: number, decimalComma: boolean): Body {
  const first = header.index + 1;
  const columns = header.roles.length;
  const most = Math.max(0, text.length - first);
  const keySizes = new Float64Array(most);
  const lines = new Int32Array(most);
  const offsets = new Int32Array(2 * columns * most);
  const cursor = new CellCursor();
  let count = 0;
  for (let r = first; r < text.length; r++) {
    text.scanRow(r, cursor);
    const size = cursor.number(key, decimalComma) ?? sizeNumber(cursor.text(key), decimalComma);
    if (size === null) break;
    keySizes[count] = size;
    lines[count] = text.line(r);
    cursor.copyOffsets(offsets, 2 * columns * count, columns);
    count++;
  }
  return { cells: new TextCells(text.text, offsets, columns, lines, count, decimalComma), keySizes: keySizes.subarray(0, count) };
}

/** The data rows as columns, ascending by size once sorted. */
interface SizeRows {
  /** The body row of each. */
  bodyRow: Int32Array;
  line: Int32Array;
  /** The key size (the class point, limit or lower limit), nm. */
  sizeNm: Float64Array;
  /** The upper limit, nm (lower/upper pairs only). */
  upperNm: Float64Array | null;
}

/** Reading in which rows are classes: pairs of limits, upper limits, lower limits or class points. */
type Layout = 'pairs' | 'upper' | 'lower' | 'points';

const KIND_PREFERENCE: ValueKind[] = ['perBin', 'count', 'undersize', 'oversize', 'logDensity', 'density'];
/** A cumulative curve may fall back by this share of its total (rounding of printed cells) and be read as flat. */
const CUMULATIVE_ROUNDING = 0.002;
/** A per-class column matches a cumulative one when they agree within this many percentage points everywhere. */
const ALIGNMENT_TOLERANCE_PERCENT = 1;

export function readSizeTable(t: SizeTableInput): Distribution {
  const { file, rows, decimalComma, header } = t;
  const assumptions = [...(t.assumptions ?? [])];
  const headerLine = rows.at(header.index)!.line;
  const headerCells = rows.at(header.index)!.cells;
  const sizeColumns = header.roles.map((r, i) => ({ r, i })).filter((c): c is { r: SizeRole; i: number } => c.r.role === 'size');
  const lower = sizeColumns.find((c) => c.r.edge === 'lower');
  const upper = sizeColumns.find((c) => c.r.edge === 'upper' && c.i !== lower?.i);
  const pairs = lower !== undefined && upper !== undefined;
  const key = pairs ? lower : (sizeColumns.find((c) => c.r.edge === 'point') ?? sizeColumns[0]!);

  const { cells: body, keySizes } = readBody(rows, header, key.i, decimalComma);
  if (body.length === 0) throw new InputError('E_NO_DATA', 'a size column header was found but no rows of sizes follow it', { file, line: headerLine });

  const keyUnit = columnUnit(key, headerCells, body, t);
  const upperUnit = pairs ? columnUnit(upper, headerCells, body, t) : keyUnit;
  if (keyUnit.name !== upperUnit.name) {
    throw new InputError('E_MIXED_UNITS', `class limits are in ${keyUnit.name} ("${headerCells[key.i]}") and ${upperUnit.name} ("${headerCells[upper!.i]}")`, { file, line: headerLine });
  }
  const data = sizeRows(body, keySizes, keyUnit.toNm, pairs ? { column: upper.i, toNm: upperUnit.toNm } : null, headerCells, t);
  sortAscending(data, file);

  const columns = valueColumns(t, headerCells, body, headerLine, assumptions);
  const primaryBasis = columns[0]!.basis;
  const byBasis = new Map<Basis, ValueColumn[]>();
  for (const c of columns) byBasis.set(c.basis, [...(byBasis.get(c.basis) ?? []), c]);
  const chosen = [...byBasis.entries()].map(([basis, list]) => ({ basis, column: best(list), cumulative: list.find((c) => c.kind === 'undersize' || c.kind === 'oversize') }));
  const primary = chosen.find((c) => c.basis === primaryBasis)!;

  const layout = pairs ? 'pairs' : chooseLayout(primary.column, primary.cumulative, body, data, key.r, t, assumptions);
  const geometry = layoutGeometry(layout, data, file);
  const used = chosen.filter((c) => c === primary || usableIn(layout, c.column.kind));
  for (const c of chosen) {
    if (!used.includes(c)) assumptions.push(`column "${c.column.name}" was not used: a cumulative curve needs each class's upper limit, which ${layout === 'points' ? 'class points' : 'lower limits'} do not give`);
  }
  const perColumn = used.map((c) => ({ c, shares: binShares(c.column, layout, geometry, body, data, t, assumptions) }));

  // Drop the extrapolated end classes when no column puts anything in them; otherwise say where they were put.
  const { edgesNm } = geometry;
  let first = 0;
  let last = edgesNm.length - 2;
  if (geometry.openBelow && perColumn.every((p) => p.shares[0] === 0)) first = 1;
  if (geometry.openAbove && perColumn.every((p) => p.shares[last] === 0)) last -= 1;
  if (geometry.openBelow && first === 0) {
    assumptions.push(`the share below the smallest size (${formatSize(edgesNm[1]!)}) was put in one class of the neighbouring log-width, from ${formatSize(edgesNm[0]!)}`);
  }
  if (geometry.openAbove && last === edgesNm.length - 2) {
    assumptions.push(`the share above the largest size (${formatSize(edgesNm[last]!)}) was put in one class of the neighbouring log-width, up to ${formatSize(edgesNm[last + 1]!)}`);
  }
  const binLines = geometry.binLines.subarray(first, last + 1);
  const toBinValues = (p: (typeof perColumn)[number]): BinValues => ({
    basis: p.c.basis,
    values: p.shares.subarray(first, last + 1),
    column: p.c.column.name,
    lines: binLines,
    ...(p.c.column.kind === 'perBin' && p.c.column.percent ? { expectedSum: 100 } : {}),
  });
  const primaryShares = perColumn.find((p) => p.c === primary)!;
  return buildDistribution({
    file,
    format: t.format,
    edgesNm: edgesNm.subarray(first, last + 2),
    edgeLines: geometry.edgeLines.subarray(first, last + 2),
    primary: toBinValues(primaryShares),
    alsoMeasured: perColumn.filter((p) => p !== primaryShares).map(toBinValues),
    metadata: t.metadata ?? {},
    assumptions,
    ...(t.vendor ? { vendor: t.vendor } : {}),
  });
}

/** The unit of a size column: its header's, its cells' own ("0.5 µm"), or --size-unit; never a guess. */
function columnUnit(column: { r: SizeRole; i: number }, headerCells: string[], body: BodyCells, t: SizeTableInput): SizeUnit {
  const { file } = t;
  let inline: SizeUnit | null = null;
  for (let b = 0; b < body.length; b++) {
    const split = body.unit(b, column.i);
    if (!split) continue;
    const named = column.r.unit ?? inline;
    if (named && named.name !== split.unit.name) {
      throw new InputError('E_MIXED_UNITS', `size "${body.text(b, column.i)}" is in ${split.unit.name} but the column is in ${named.name}`, { file, line: body.line(b), field: headerCells[column.i] });
    }
    inline = split.unit;
  }
  const unit = column.r.unit ?? inline;
  if (unit) return unit;
  if (t.options.sizeUnit) {
    const given = parseSizeUnit(t.options.sizeUnit);
    if (given) return given;
    throw new InputError('E_UNKNOWN_UNIT', `--size-unit ${t.options.sizeUnit} is not a size unit`, { field: '--size-unit' }, 'use nm, µm (or um) or mm');
  }
  throw new InputError('E_UNKNOWN_UNIT', `the size column "${headerCells[column.i]}" names no unit`, { file, field: headerCells[column.i] }, 'name the unit in the header, e.g. "Size (µm)", or pass --size-unit nm|µm|mm');
}

function requiredSize(body: BodyCells, b: number, column: number, headerCells: string[], t: SizeTableInput): number {
  const value = body.number(b, column) ?? sizeNumber(body.text(b, column), t.decimalComma);
  if (value === null) throw new InputError('E_BAD_NUMBER', `"${body.text(b, column)}" is not a size`, { file: t.file, line: body.line(b), field: headerCells[column] });
  return value;
}

/** The body's sizes in nm (keySizes is scaled in place), in file order; with the upper limits for pairs. */
function sizeRows(body: BodyCells, keySizes: Float64Array, keyToNm: number, upper: { column: number; toNm: number } | null, headerCells: string[], t: SizeTableInput): SizeRows {
  const n = body.length;
  const bodyRow = new Int32Array(n);
  const line = new Int32Array(n);
  const upperNm = upper ? new Float64Array(n) : null;
  for (let b = 0; b < n; b++) {
    bodyRow[b] = b;
    line[b] = body.line(b);
    keySizes[b] = keySizes[b]! * keyToNm;
    if (upper) upperNm![b] = requiredSize(body, b, upper.column, headerCells, t) * upper.toNm;
  }
  return { bodyRow, line, sizeNm: keySizes, upperNm };
}

/** Sorts rows ascending by size; sizes must be strictly monotonic as given (ascending or descending). */
function sortAscending(data: SizeRows, file: string): void {
  const x = data.sizeNm;
  if (x.length >= 2 && x[1]! < x[0]!) {
    x.reverse();
    data.upperNm?.reverse();
    data.bodyRow.reverse();
    data.line.reverse();
  }
  for (let j = 1; j < x.length; j++) {
    if (!(x[j]! > x[j - 1]!)) {
      throw new InputError('E_UNSORTED_SIZES', `size ${formatSize(x[j]!)} breaks the order of the sizes around it (${formatSize(x[j - 1]!)} before it)`, { file, line: data.line[j]! });
    }
  }
}

/** The value columns with a basis each (from the header, the file's preamble or --basis), in file order. */
function valueColumns(t: SizeTableInput, headerCells: string[], body: BodyCells, headerLine: number, assumptions: string[]): ValueColumn[] {
  const { file, options } = t;
  const raw = t.header.roles
    .map((r, index) => ({ r, index }))
    .filter((c): c is { r: ValueRole; index: number } => c.r.role === 'value')
    .filter((c) => anyFilled(body, c.index));
  if (raw.length === 0) throw new InputError('E_MISSING_COLUMN', 'no column of percentages, counts or cumulative values next to the sizes', { file, line: headerLine });
  const fallback = options.basis ?? t.statedBasis ?? null;
  const explicitMatch = options.basis !== undefined && raw.some((c) => c.r.basis === options.basis);
  const columns: ValueColumn[] = [];
  for (const { r, index } of raw) {
    const name = headerCells[index]!.trim();
    let basis = r.basis ?? fallback;
    // --basis names none of the file's columns and every column names its own: the user overrides the first.
    if (options.basis && !explicitMatch && r.basis && columns.length === 0 && !raw.some((c) => c.r.basis === null)) {
      assumptions.push(`--basis ${options.basis} overrides the header "${name}"`);
      basis = options.basis;
    }
    if (basis === null) {
      assumptions.push(`column "${name}" was not used: nothing says what it counts (number, volume, …)`);
      continue;
    }
    columns.push({ index, name, kind: r.kind, basis, percent: r.percent });
  }
  if (columns.length === 0) {
    throw new InputError('E_UNKNOWN_BASIS', `nothing says whether "${headerCells[raw[0]!.index]}" counts particles by number, volume, area, length or intensity`, { file, field: headerCells[raw[0]!.index] });
  }
  if (options.basis) {
    // The asked-for basis leads; the others follow as the file's own companions.
    columns.sort((a, b) => Number(b.basis === options.basis) - Number(a.basis === options.basis));
  }
  return columns;
}

function anyFilled(body: BodyCells, column: number): boolean {
  for (let b = 0; b < body.length; b++) if (!body.blank(b, column)) return true;
  return false;
}

function best(list: ValueColumn[]): ValueColumn {
  return [...list].sort((a, b) => KIND_PREFERENCE.indexOf(a.kind) - KIND_PREFERENCE.indexOf(b.kind))[0]!;
}

const isCumulative = (kind: ValueKind): boolean => kind === 'undersize' || kind === 'oversize';

/** Cumulative columns are read at class limits, which class points do not give, nor lower limits by themselves. */
function usableIn(layout: Layout, kind: ValueKind): boolean {
  return !isCumulative(kind) || layout === 'upper' || layout === 'pairs';
}

/**
 * Whether a single size column lists upper limits, lower limits or class points. A cumulative column of the same
 * basis decides it from the data; else a blank first (last) value cell marks n + 1 limits with the value under the
 * upper (lower) limit of its class; else the header's word; else class points.
 */
function chooseLayout(primary: ValueColumn, cumulative: ValueColumn | undefined, body: BodyCells, data: SizeRows, key: SizeRole, t: SizeTableInput, assumptions: string[]): Layout {
  if (isCumulative(primary.kind)) return 'upper';
  const firstRow = data.bodyRow[0]!;
  const lastRow = data.bodyRow[data.bodyRow.length - 1]!;
  if (cumulative) {
    const aligned = alignmentFromCumulative(columnNumbers(body, data, primary.index), columnNumbers(body, data, cumulative.index), cumulative.kind === 'oversize');
    if (aligned) {
      assumptions.push(`"${primary.name}" read as the share of the class ${aligned === 'upper' ? 'ending' : 'starting'} at each size, as the cumulative column "${cumulative.name}" shows`);
      return aligned;
    }
  }
  const blankFirst = body.blank(firstRow, primary.index);
  const blankLast = body.blank(lastRow, primary.index);
  if (blankFirst !== blankLast) {
    assumptions.push(`sizes read as class limits: the value beside each size is the share of the class ${blankFirst ? 'ending' : 'starting'} there (the ${blankFirst ? 'first' : 'last'} value cell is blank)`);
    return blankFirst ? 'upper' : 'lower';
  }
  if (t.limits) {
    // Limits with values at both ends: an empty class at one end only marks the side without a class.
    const zeroFirst = (body.number(firstRow, primary.index) ?? 0) === 0;
    const zeroLast = (body.number(lastRow, primary.index) ?? 0) === 0;
    const layout = zeroFirst !== zeroLast ? (zeroFirst ? 'upper' : 'lower') : t.limits.layout;
    assumptions.push(`sizes read as class limits (${t.limits.source}): the value beside each size is the share of the class ${layout === 'upper' ? 'ending' : 'starting'} there`);
    return layout;
  }
  if (key.edge === 'upper' || key.edge === 'lower') {
    assumptions.push(`sizes read as the ${key.edge} limits of their classes, as the header says`);
    return key.edge;
  }
  assumptions.push('sizes read as class points: class limits taken at the geometric midpoints between them, the outer limits half a step beyond');
  return 'points';
}

/** 'upper' when Q_j = Σ_(k≤j) p_k, 'lower' when Q_j = Σ_(k<j) p_k, null when neither fits. */
/** tryParseNumber of a column's cells, ascending by size (null where a cell is not a number). */
function columnNumbers(body: BodyCells, data: SizeRows, column: number): (number | null)[] {
  return Array.from(data.bodyRow, (b) => body.number(b, column));
}

function alignmentFromCumulative(perBin: (number | null)[], cumulative: (number | null)[], oversize: boolean): 'upper' | 'lower' | null {
  const p = perBin.map((v) => v ?? 0);
  const q = cumulative;
  if (q.some((v) => v === null)) return null;
  const qTotal = Math.max(...(q as number[]));
  const pTotal = p.reduce((a, b) => a + b, 0);
  if (!(qTotal > 0 && pTotal > 0)) return null;
  const scale = qTotal > 1.5 ? 100 : 1;
  let inclusive = 0;
  let exclusive = 0;
  let worstUpper = 0;
  let worstLower = 0;
  for (let j = 0; j < p.length; j++) {
    exclusive = inclusive;
    inclusive += p[j]!;
    const undersize = (oversize ? scale - q[j]! : q[j]!) * (100 / scale);
    worstUpper = Math.max(worstUpper, Math.abs(undersize - (inclusive / pTotal) * 100));
    worstLower = Math.max(worstLower, Math.abs(undersize - (exclusive / pTotal) * 100));
  }
  if (Math.min(worstUpper, worstLower) > ALIGNMENT_TOLERANCE_PERCENT) return null;
  return worstUpper <= worstLower ? 'upper' : 'lower';
}

/** Line numbers are kept in Int32Arrays, 0 where a class or limit has no line of its own. */
interface Geometry {
  edgesNm: Float64Array;
  edgeLines: Int32Array;
  /** Bin of each data row. */
  rowBin: Int32Array;
  binLines: Int32Array;
  /** The first (last) bin is an extrapolated class outside the listed sizes. */
  openBelow: boolean;
  openAbove: boolean;
}

function layoutGeometry(layout: Layout, data: SizeRows, file: string): Geometry {
  const x = data.sizeNm;
  const lines = data.line;
  const m = x.length - 1;
  if (layout !== 'pairs' && m < 1) {
    throw new InputError('E_TOO_FEW_BINS', 'one size alone does not define a class', { file, line: lines[0]! }, 'give at least two sizes, or the lower and upper limit of each class');
  }
  const stepBelow = m >= 1 ? (x[0]! * x[0]!) / x[1]! : NaN;
  const stepAbove = m >= 1 ? (x[m]! * x[m]!) / x[m - 1]! : NaN;
  switch (layout) {
    case 'points': {
      const edgesNm = new Float64Array(m + 2);
      edgesNm[0] = Math.sqrt(x[0]! * stepBelow);
      for (let j = 1; j <= m; j++) edgesNm[j] = Math.sqrt(x[j - 1]! * x[j]!);
      edgesNm[m + 1] = Math.sqrt(x[m]! * stepAbove);
      const edgeLines = new Int32Array(m + 2);
      edgeLines[0] = lines[0]!;
      edgeLines.set(lines, 1);
      const rowBin = new Int32Array(m + 1);
      for (let j = 0; j <= m; j++) rowBin[j] = j;
      return { edgesNm, edgeLines, rowBin, binLines: lines, openBelow: false, openAbove: false };
    }
    case 'upper':
    case 'lower': {
      // Limits x_0…x_m with one extrapolated class at each end; rows map to the class they close ('upper') or open.
      const edgesNm = new Float64Array(m + 3);
      edgesNm[0] = stepBelow;
      edgesNm.set(x, 1);
      edgesNm[m + 2] = stepAbove;
      const edgeLines = new Int32Array(m + 3);
      edgeLines[0] = lines[0]!;
      edgeLines.set(lines, 1);
      edgeLines[m + 2] = lines[m]!;
      const shift = layout === 'upper' ? 0 : 1;
      const rowBin = new Int32Array(m + 1);
      const binLines = new Int32Array(m + 2);
      for (let j = 0; j <= m; j++) {
        rowBin[j] = j + shift;
        binLines[j + shift] = lines[j]!;
      }
      return { edgesNm, edgeLines, rowBin, binLines, openBelow: true, openAbove: true };
    }
    case 'pairs':
      return pairGeometry(data, file);
  }
}

/** Lower/upper pairs: contiguous classes share a limit; a gap becomes an empty class; an overlap is an error. */
function pairGeometry(data: SizeRows, file: string): Geometry {
  const { sizeNm, line } = data;
  const upperNm = data.upperNm!;
  const rows = sizeNm.length;
  // At most: the first lower limit, a lower limit (after a gap) and an upper limit per row, one extrapolated limit.
  const edgesNm = new Float64Array(2 * rows + 2);
  const edgeLines = new Int32Array(2 * rows + 2);
  const binLines = new Int32Array(2 * rows + 1);
  const rowBin = new Int32Array(rows);
  edgesNm[0] = sizeNm[0]!;
  edgeLines[0] = line[0]!;
  let edges = 1;
  let bins = 0;
  for (let j = 0; j < rows; j++) {
    const lower = sizeNm[j]!;
    const upper = upperNm[j]!;
    if (!(upper > lower)) throw new InputError('E_UNSORTED_SIZES', `upper limit ${formatSize(upper)} is not above the lower limit ${formatSize(lower)}`, { file, line: line[j]! });
    const previous = edgesNm[edges - 1]!;
    const gap = (lower - previous) / previous;
    if (gap < -1e-6) throw new InputError('E_UNSORTED_SIZES', `the class from ${formatSize(lower)} overlaps the one before it (ending at ${formatSize(previous)})`, { file, line: line[j]! });
    if (gap > 1e-6) {
      edgesNm[edges] = lower;
      edgeLines[edges++] = line[j]!;
      binLines[bins++] = line[j]!;
    }
    rowBin[j] = edges - 1;
    edgesNm[edges] = upper;
    edgeLines[edges++] = line[j]!;
    binLines[bins++] = line[j]!;
  }
  // One extrapolated class above, for the remainder of a cumulative curve that stops short of 100 %.
  edgesNm[edges] = (edgesNm[edges - 1]! * edgesNm[edges - 1]!) / edgesNm[edges - 2]!;
  edgeLines[edges++] = line[rows - 1]!;
  bins++;
  return { edgesNm: edgesNm.subarray(0, edges), edgeLines: edgeLines.subarray(0, edges), rowBin, binLines: binLines.subarray(0, bins), openBelow: false, openAbove: true };
}

/** Per-bin shares of one column on the geometry (any scale; buildDistribution normalises). */
function binShares(column: ValueColumn, layout: Layout, g: Geometry, body: BodyCells, data: SizeRows, t: SizeTableInput, assumptions: string[]): Float64Array {
  const n = g.edgesNm.length - 1;
  const shares = new Float64Array(n);
  const rows = data.bodyRow.length;
  const where = (j: number) => ({ file: t.file, line: data.line[j]!, field: column.name });
  if (isCumulative(column.kind)) {
    // Every cell is checked before the curve is (a bad cell is reported before a fall that comes earlier).
    const values = new Float64Array(rows);
    let top = -Infinity;
    for (let j = 0; j < rows; j++) {
      values[j] = shareAt(body, data.bodyRow[j]!, column.index, where, j, t.decimalComma);
      top = Math.max(top, values[j]!);
    }
    const total = column.percent || top > 1.5 ? 100 : 1;
    let previous = 0;
    for (let j = 0; j < rows; j++) {
      const q = column.kind === 'oversize' ? total - values[j]! : values[j]!;
      const step = q - previous;
      if (step < -CUMULATIVE_ROUNDING * total) {
        throw new InputError('E_BAD_CUMULATIVE', `the cumulative ${column.kind} falls from ${round(previous)} to ${round(q)} (after sorting sizes ascending)`, where(j), column.kind === 'undersize' ? 'an undersize curve must rise with size; is the column oversize or per class?' : 'an oversize curve must fall with size; is the column undersize or per class?');
      }
      shares[g.rowBin[j]!]! += Math.max(0, step);
      previous = Math.max(previous, q);
    }
    // What the curve has not reached by the largest size lies above it.
    const rest = total - previous;
    if (rest > CUMULATIVE_ROUNDING * total) shares[n - 1]! += rest;
    return shares;
  }
  const lastRow = rows - 1;
  for (let j = 0; j < rows; j++) {
    const b = data.bodyRow[j]!;
    if (body.blank(b, column.index)) {
      const conventionBlank = (layout === 'upper' && j === 0) || (layout === 'lower' && j === lastRow);
      if (conventionBlank) continue;
      throw new InputError('E_BAD_NUMBER', 'the value cell is empty', where(j), 'fill in the cell (0 for an empty class) or remove the row');
    }
    const value = shareAt(body, b, column.index, where, j, t.decimalComma);
    const bin = g.rowBin[j]!;
    const lower = g.edgesNm[bin]!;
    const upper = g.edgesNm[bin + 1]!;
    // Densities become shares by the class width: q·Δx, or q*·Δlg x (ISO 9276-1).
    const width = column.kind === 'density' ? upper - lower : column.kind === 'logDensity' ? Math.log10(upper / lower) : 1;
    shares[bin]! += value * width;
  }
  if (column.kind === 'density' || column.kind === 'logDensity') {
    assumptions.push(`"${column.name}" read as a ${column.kind === 'density' ? 'density per unit size' : 'density per log size'} and multiplied by each class width`);
  }
  return shares;
}

/** parseShare of a cell; a good cell needs no string and no location object (built, with the error, for a bad one). */
function shareAt(body: BodyCells, b: number, column: number, where: (j: number) => ErrorLocation, j: number, decimalComma: boolean): number {
  const parsed = body.number(b, column);
  return parsed !== null && parsed >= 0 ? parsed : parseShare(body.text(b, column), where(j), decimalComma);
}

function round(x: number): number {
  return Number(x.toPrecision(6));
}
