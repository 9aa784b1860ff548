/**
 * A particle-size table of any common layout → bins and per-bin values. Sizes come as lower/upper pairs, as one
 * column of class limits (n + 1 values, one value cell blank), or as class points (edges then at geometric
 * midpoints); values as per-class % or counts, cumulative undersize or oversize, or densities q (per unit size) and
 * q* (per log size); sizes ascending or descending (../shared/docs/science.md, "Particle-size distributions").
 * Generic delimited files, Horiba LA and Mastersizer 3000 exports all end here.
 */
import { InputError } from '../../errors.js';
import type { Basis, Distribution, DistributionMetadata, VendorStatistic } from '../../model/distribution.js';
import type { DelimitedRow } from '../delimited.js';
import { tryParseNumber } from '../numbers.js';
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
export function findSizeHeader(rows: DelimitedRow[], decimalComma: boolean, needValueColumn: boolean): SizeTableHeader | null {
  for (let h = 0; h + 1 < rows.length; h++) {
    const roles = rows[h]!.cells.map(classifyHeader);
    const size = roles.findIndex((r) => r.role === 'size');
    if (size < 0) continue;
    if (needValueColumn && !roles.some((r) => r.role === 'value')) continue;
    if (sizeNumber(rows[h + 1]!.cells[size] ?? '', decimalComma) !== null) return { index: h, roles };
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
  rows: DelimitedRow[];
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

interface DataRow {
  line: number;
  cells: string[];
  /** The key size (the class point, limit or lower limit), nm. */
  sizeNm: number;
  upperNm?: number;
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
  const headerCells = rows[header.index]!.cells;
  const sizeColumns = header.roles.map((r, i) => ({ r, i })).filter((c): c is { r: SizeRole; i: number } => c.r.role === 'size');
  const lower = sizeColumns.find((c) => c.r.edge === 'lower');
  const upper = sizeColumns.find((c) => c.r.edge === 'upper' && c.i !== lower?.i);
  const pairs = lower !== undefined && upper !== undefined;
  const key = pairs ? lower : (sizeColumns.find((c) => c.r.edge === 'point') ?? sizeColumns[0]!);

  // Data rows: from the header down to the first row without a size (kept, so that each is parsed once).
  const body: DelimitedRow[] = [];
  const keySizes: number[] = [];
  for (let r = header.index + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const size = sizeNumber(row.cells[key.i] ?? '', decimalComma);
    if (size === null) break;
    body.push(row);
    keySizes.push(size);
  }
  if (body.length === 0) throw new InputError('E_NO_DATA', 'a size column header was found but no rows of sizes follow it', { file, line: rows[header.index]!.line });

  const keyUnit = columnUnit(key, headerCells, body, t);
  const upperUnit = pairs ? columnUnit(upper, headerCells, body, t) : keyUnit;
  if (keyUnit.name !== upperUnit.name) {
    throw new InputError('E_MIXED_UNITS', `class limits are in ${keyUnit.name} ("${headerCells[key.i]}") and ${upperUnit.name} ("${headerCells[upper!.i]}")`, { file, line: rows[header.index]!.line });
  }
  const data: DataRow[] = body.map((row, j) => {
    const d: DataRow = { line: row.line, cells: row.cells, sizeNm: keySizes[j]! * keyUnit.toNm };
    if (pairs) {
      // Contiguous classes print the limit they share twice, as one row's upper and the next row's lower: the same
      // text is the same number, parsed already.
      const cell = row.cells[upper.i];
      const size = cell !== undefined && cell === body[j + 1]?.cells[key.i] ? keySizes[j + 1]! : requiredSize(row, upper.i, headerCells, t);
      d.upperNm = size * upperUnit.toNm;
    }
    return d;
  });
  sortAscending(data, file);

  const columns = valueColumns(t, headerCells, body, assumptions);
  const primaryBasis = columns[0]!.basis;
  const byBasis = new Map<Basis, ValueColumn[]>();
  for (const c of columns) byBasis.set(c.basis, [...(byBasis.get(c.basis) ?? []), c]);
  const chosen = [...byBasis.entries()].map(([basis, list]) => ({ basis, column: best(list), cumulative: list.find((c) => c.kind === 'undersize' || c.kind === 'oversize') }));
  const primary = chosen.find((c) => c.basis === primaryBasis)!;

  const layout = pairs ? 'pairs' : chooseLayout(primary.column, primary.cumulative, data, key.r, t, assumptions);
  const geometry = layoutGeometry(layout, data, file);
  const used = chosen.filter((c) => c === primary || usableIn(layout, c.column.kind));
  for (const c of chosen) {
    if (!used.includes(c)) assumptions.push(`column "${c.column.name}" was not used: a cumulative curve needs each class's upper limit, which ${layout === 'points' ? 'class points' : 'lower limits'} do not give`);
  }
  const perColumn = used.map((c) => ({ c, shares: binShares(c.column, layout, geometry, data, t, assumptions) }));

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
  const binLines = geometry.binLines.slice(first, last + 1);
  const toBinValues = (p: (typeof perColumn)[number]): BinValues => ({
    basis: p.c.basis,
    values: p.shares.slice(first, last + 1),
    column: p.c.column.name,
    lines: binLines,
    ...(p.c.column.kind === 'perBin' && p.c.column.percent ? { expectedSum: 100 } : {}),
  });
  const primaryShares = perColumn.find((p) => p.c === primary)!;
  return buildDistribution({
    file,
    format: t.format,
    edgesNm: edgesNm.slice(first, last + 2),
    edgeLines: geometry.edgeLines.slice(first, last + 2),
    primary: toBinValues(primaryShares),
    alsoMeasured: perColumn.filter((p) => p !== primaryShares).map(toBinValues),
    metadata: t.metadata ?? {},
    assumptions,
    ...(t.vendor ? { vendor: t.vendor } : {}),
  });
}

/** The unit of a size column: its header's, its cells' own ("0.5 µm"), or --size-unit; never a guess. */
function columnUnit(column: { r: SizeRole; i: number }, headerCells: string[], body: DelimitedRow[], t: SizeTableInput): SizeUnit {
  const { file } = t;
  let inline: SizeUnit | null = null;
  for (const row of body) {
    const split = splitValueAndUnit(row.cells[column.i] ?? '');
    if (!split) continue;
    const named = column.r.unit ?? inline;
    if (named && named.name !== split.unit.name) {
      throw new InputError('E_MIXED_UNITS', `size "${row.cells[column.i]}" is in ${split.unit.name} but the column is in ${named.name}`, { file, line: row.line, field: headerCells[column.i] });
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

function requiredSize(row: DelimitedRow, column: number, headerCells: string[], t: SizeTableInput): number {
  const value = sizeNumber(row.cells[column] ?? '', t.decimalComma);
  if (value === null) throw new InputError('E_BAD_NUMBER', `"${row.cells[column] ?? ''}" is not a size`, { file: t.file, line: row.line, field: headerCells[column] });
  return value;
}

/** Sorts rows ascending by size; sizes must be strictly monotonic as given (ascending or descending). */
function sortAscending(data: DataRow[], file: string): void {
  if (data.length >= 2 && data[1]!.sizeNm < data[0]!.sizeNm) data.reverse();
  for (let j = 1; j < data.length; j++) {
    if (!(data[j]!.sizeNm > data[j - 1]!.sizeNm)) {
      throw new InputError('E_UNSORTED_SIZES', `size ${formatSize(data[j]!.sizeNm)} breaks the order of the sizes around it (${formatSize(data[j - 1]!.sizeNm)} before it)`, { file, line: data[j]!.line });
    }
  }
}

/** The value columns with a basis each (from the header, the file's preamble or --basis), in file order. */
function valueColumns(t: SizeTableInput, headerCells: string[], body: DelimitedRow[], assumptions: string[]): ValueColumn[] {
  const { file, options } = t;
  const raw = t.header.roles
    .map((r, index) => ({ r, index }))
    .filter((c): c is { r: ValueRole; index: number } => c.r.role === 'value')
    .filter((c) => body.some((row) => !isBlank(row.cells[c.index])));
  if (raw.length === 0) throw new InputError('E_MISSING_COLUMN', 'no column of percentages, counts or cumulative values next to the sizes', { file, line: t.rows[t.header.index]!.line });
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
function chooseLayout(primary: ValueColumn, cumulative: ValueColumn | undefined, data: DataRow[], key: SizeRole, t: SizeTableInput, assumptions: string[]): Layout {
  if (isCumulative(primary.kind)) return 'upper';
  const cells = data.map((d) => d.cells[primary.index] ?? '');
  if (cumulative) {
    const aligned = alignmentFromCumulative(cells, data.map((d) => d.cells[cumulative.index] ?? ''), cumulative.kind === 'oversize', t.decimalComma);
    if (aligned) {
      assumptions.push(`"${primary.name}" read as the share of the class ${aligned === 'upper' ? 'ending' : 'starting'} at each size, as the cumulative column "${cumulative.name}" shows`);
      return aligned;
    }
  }
  const blankFirst = isBlank(cells[0]);
  const blankLast = isBlank(cells[cells.length - 1]);
  if (blankFirst !== blankLast) {
    assumptions.push(`sizes read as class limits: the value beside each size is the share of the class ${blankFirst ? 'ending' : 'starting'} there (the ${blankFirst ? 'first' : 'last'} value cell is blank)`);
    return blankFirst ? 'upper' : 'lower';
  }
  if (t.limits) {
    // Limits with values at both ends: an empty class at one end only marks the side without a class.
    const zeroFirst = (tryParseNumber(cells[0]!, t.decimalComma) ?? 0) === 0;
    const zeroLast = (tryParseNumber(cells[cells.length - 1]!, t.decimalComma) ?? 0) === 0;
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
function alignmentFromCumulative(perBin: string[], cumulative: string[], oversize: boolean, decimalComma: boolean): 'upper' | 'lower' | null {
  const p = perBin.map((c) => tryParseNumber(c, decimalComma) ?? 0);
  const q = cumulative.map((c) => tryParseNumber(c, decimalComma));
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

interface Geometry {
  edgesNm: number[];
  edgeLines: (number | undefined)[];
  /** Bin of each data row. */
  rowBin: number[];
  binLines: (number | undefined)[];
  /** The first (last) bin is an extrapolated class outside the listed sizes. */
  openBelow: boolean;
  openAbove: boolean;
}

function layoutGeometry(layout: Layout, data: DataRow[], file: string): Geometry {
  const x = data.map((d) => d.sizeNm);
  const m = x.length - 1;
  if (layout !== 'pairs' && m < 1) {
    throw new InputError('E_TOO_FEW_BINS', 'one size alone does not define a class', { file, line: data[0]!.line }, 'give at least two sizes, or the lower and upper limit of each class');
  }
  const stepBelow = m >= 1 ? (x[0]! * x[0]!) / x[1]! : NaN;
  const stepAbove = m >= 1 ? (x[m]! * x[m]!) / x[m - 1]! : NaN;
  switch (layout) {
    case 'points': {
      const edgesNm = [Math.sqrt(x[0]! * stepBelow)];
      for (let j = 1; j <= m; j++) edgesNm.push(Math.sqrt(x[j - 1]! * x[j]!));
      edgesNm.push(Math.sqrt(x[m]! * stepAbove));
      const lines = data.map((d) => d.line);
      return { edgesNm, edgeLines: [lines[0], ...lines], rowBin: data.map((_, j) => j), binLines: lines, openBelow: false, openAbove: false };
    }
    case 'upper':
    case 'lower': {
      // Limits x_0…x_m with one extrapolated class at each end; rows map to the class they close ('upper') or open.
      const edgesNm = [stepBelow, ...x, stepAbove];
      const lines = data.map((d) => d.line);
      const rowBin = data.map((_, j) => (layout === 'upper' ? j : j + 1));
      const binLines: (number | undefined)[] = new Array(m + 2).fill(undefined);
      rowBin.forEach((bin, j) => (binLines[bin] = lines[j]));
      return { edgesNm, edgeLines: [lines[0], ...lines, lines[m]], rowBin, binLines, openBelow: true, openAbove: true };
    }
    case 'pairs':
      return pairGeometry(data, file);
  }
}

/** Lower/upper pairs: contiguous classes share a limit; a gap becomes an empty class; an overlap is an error. */
function pairGeometry(data: DataRow[], file: string): Geometry {
  const edgesNm: number[] = [data[0]!.sizeNm];
  const edgeLines: (number | undefined)[] = [data[0]!.line];
  const rowBin: number[] = [];
  const binLines: (number | undefined)[] = [];
  for (const d of data) {
    const upper = d.upperNm!;
    if (!(upper > d.sizeNm)) throw new InputError('E_UNSORTED_SIZES', `upper limit ${formatSize(upper)} is not above the lower limit ${formatSize(d.sizeNm)}`, { file, line: d.line });
    const previous = edgesNm[edgesNm.length - 1]!;
    const gap = (d.sizeNm - previous) / previous;
    if (gap < -1e-6) throw new InputError('E_UNSORTED_SIZES', `the class from ${formatSize(d.sizeNm)} overlaps the one before it (ending at ${formatSize(previous)})`, { file, line: d.line });
    if (gap > 1e-6) {
      edgesNm.push(d.sizeNm);
      edgeLines.push(d.line);
      binLines.push(d.line);
    }
    rowBin.push(edgesNm.length - 1);
    edgesNm.push(upper);
    edgeLines.push(d.line);
    binLines.push(d.line);
  }
  // One extrapolated class above, for the remainder of a cumulative curve that stops short of 100 %.
  const n = edgesNm.length;
  edgesNm.push((edgesNm[n - 1]! * edgesNm[n - 1]!) / edgesNm[n - 2]!);
  edgeLines.push(data[data.length - 1]!.line);
  binLines.push(undefined);
  return { edgesNm, edgeLines, rowBin, binLines, openBelow: false, openAbove: true };
}

/** Per-bin shares of one column on the geometry (any scale; buildDistribution normalises). */
function binShares(column: ValueColumn, layout: Layout, g: Geometry, data: DataRow[], t: SizeTableInput, assumptions: string[]): number[] {
  const n = g.edgesNm.length - 1;
  const shares = new Array<number>(n).fill(0);
  const where = (d: DataRow) => ({ file: t.file, line: d.line, field: column.name });
  if (isCumulative(column.kind)) {
    const values = data.map((d) => parseShare(d.cells[column.index] ?? '', where(d), t.decimalComma));
    const top = Math.max(...values);
    const total = column.percent || top > 1.5 ? 100 : 1;
    const undersize = column.kind === 'oversize' ? values.map((v) => total - v) : values;
    let previous = 0;
    undersize.forEach((q, j) => {
      const step = q - previous;
      if (step < -CUMULATIVE_ROUNDING * total) {
        throw new InputError('E_BAD_CUMULATIVE', `the cumulative ${column.kind} falls from ${round(previous)} to ${round(q)} (after sorting sizes ascending)`, where(data[j]!), column.kind === 'undersize' ? 'an undersize curve must rise with size; is the column oversize or per class?' : 'an oversize curve must fall with size; is the column undersize or per class?');
      }
      shares[g.rowBin[j]!]! += Math.max(0, step);
      previous = Math.max(previous, q);
    });
    // What the curve has not reached by the largest size lies above it.
    const rest = total - previous;
    if (rest > CUMULATIVE_ROUNDING * total) shares[n - 1]! += rest;
    return shares;
  }
  const lastRow = data.length - 1;
  for (let j = 0; j < data.length; j++) {
    const cell = data[j]!.cells[column.index] ?? '';
    if (isBlank(cell)) {
      const conventionBlank = (layout === 'upper' && j === 0) || (layout === 'lower' && j === lastRow);
      if (conventionBlank) continue;
      throw new InputError('E_BAD_NUMBER', 'the value cell is empty', where(data[j]!), 'fill in the cell (0 for an empty class) or remove the row');
    }
    // A good cell needs no location object: parseShare builds one, and the error, only for a bad cell.
    const parsed = tryParseNumber(cell, t.decimalComma);
    const value = parsed !== null && parsed >= 0 ? parsed : parseShare(cell, where(data[j]!), t.decimalComma);
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

function round(x: number): number {
  return Number(x.toPrecision(6));
}
