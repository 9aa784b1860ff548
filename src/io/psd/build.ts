/**
 * The last step of every particle-size reader: checks the bins (positive, strictly ascending edges) and the values
 * (finite, non-negative, not all zero), normalises each column to fractions summing to 1, and assembles the
 * Distribution. Errors name the file, the line and the column of the offending cell.
 */
import { InputError } from '../../errors.js';
import type { Basis, Distribution, DistributionMetadata, DistributionWarning, MeasuredDistribution, VendorStatistic } from '../../model/distribution.js';
import { formatSize } from '../../model/size-text.js';

/** One column of per-bin values as read (any scale: %, fraction, counts). */
export interface BinValues {
  basis: Basis;
  values: ArrayLike<number>;
  /** The column's name in the file. */
  column: string;
  /** Source line (or spreadsheet row) of each value; undefined or 0 where a value has none. */
  lines?: ArrayLike<number | undefined>;
  /** 100 for percentages, 1 for fractions: the sum they should reach, checked and stated. Omit for counts. */
  expectedSum?: number;
}

export interface DistributionParts {
  file: string;
  format: string;
  /** n + 1 edges in nm, ascending. A first edge of 0 is allowed and replaced (see below). */
  edgesNm: ArrayLike<number>;
  /** Source line of each edge; undefined or 0 where an edge has none. */
  edgeLines?: ArrayLike<number | undefined>;
  primary: BinValues;
  alsoMeasured?: BinValues[];
  metadata?: DistributionMetadata;
  assumptions?: string[];
  warnings?: DistributionWarning[];
  vendor?: VendorStatistic[];
}

/** Instruments report at most a few hundred classes; far more means a wrong column or a runaway grid. */
export const MAX_CLASSES = 100_000;

/** Sums within this relative distance of the expected one are rounding and pass without comment. */
const SUM_ROUNDING = 0.005;
/** Sums further than this from the expected one are worth a warning, not only a stated assumption. */
const SUM_SUSPICIOUS = 0.02;

export function buildDistribution(parts: DistributionParts): Distribution {
  const { file } = parts;
  const assumptions = [...(parts.assumptions ?? [])];
  const warnings = [...(parts.warnings ?? [])];
  const edgesNm = checkedEdges(parts, assumptions);
  const n = edgesNm.length - 1;
  const primary = normalised(parts.primary, n, file, assumptions, warnings);
  if (!primary) {
    throw new InputError('E_ZERO_DISTRIBUTION', `every size class of "${parts.primary.column}" holds zero`, { file, field: parts.primary.column });
  }
  const alsoMeasured: MeasuredDistribution[] = [];
  for (const other of parts.alsoMeasured ?? []) {
    const fraction = normalised(other, n, file, assumptions, warnings);
    if (fraction) alsoMeasured.push({ basis: other.basis, fraction, column: other.column });
    else assumptions.push(`column "${other.column}" holds only zeros and was ignored`);
  }
  return {
    edgesNm,
    fraction: primary,
    basis: parts.primary.basis,
    alsoMeasured,
    source: { file, format: parts.format },
    metadata: parts.metadata ?? {},
    assumptions,
    warnings,
    ...(parts.vendor && parts.vendor.length > 0 ? { vendor: parts.vendor } : {}),
  };
}

function checkedEdges(parts: DistributionParts, assumptions: string[]): Float64Array {
  const { file, edgesNm: edges } = parts;
  const lineOf = (i: number): number | undefined => lineAt(parts.edgeLines, i);
  if (edges.length < 2) {
    throw new InputError('E_TOO_FEW_BINS', `${edges.length === 0 ? 'no size class was' : 'only one size was'} found`, { file });
  }
  if (edges.length - 1 > MAX_CLASSES) {
    throw new InputError('E_TOO_MANY_POINTS', `${edges.length - 1} size classes is more than the limit of ${MAX_CLASSES}`, { file }, 'check the size column; for particle lists, use fewer --bins-per-decade');
  }
  const out = Float64Array.from(edges);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]!)) throw new InputError('E_BAD_SIZE', `size ${out[i]} is not a finite number`, { file, line: lineOf(i) });
  }
  // Image analysers open their first class at 0 (CAMSIZER "0.00–1.00 µm"). A geometric-mean diameter needs a
  // positive edge: give the class the log-width of its neighbour, and say so.
  if (out[0] === 0 && out.length >= 3 && out[1]! > 0 && out[2]! > out[1]!) {
    out[0] = (out[1]! * out[1]!) / out[2]!;
    assumptions.push(`the first class starts at 0; its lower limit was taken as ${formatSize(out[0])} (the log-width of the next class) so that it has a geometric-mean diameter`);
  }
  for (let i = 0; i < out.length; i++) {
    if (!(out[i]! > 0)) throw new InputError('E_BAD_SIZE', `size ${out[i]} nm is not positive`, { file, line: lineOf(i) }, 'particle sizes and class limits must be greater than zero');
    if (i > 0 && !(out[i]! > out[i - 1]!)) {
      throw new InputError('E_UNSORTED_SIZES', `class limit ${formatSize(out[i]!)} does not exceed the previous one (${formatSize(out[i - 1]!)})`, { file, line: lineOf(i) });
    }
  }
  return out;
}

/** Checks and normalises one column; null when it sums to zero. */
function normalised(column: BinValues, n: number, file: string, assumptions: string[], warnings: DistributionWarning[]): Float64Array | null {
  if (column.values.length !== n) {
    throw new InputError('E_ROW_LENGTH', `column "${column.column}" has ${column.values.length} values for ${n} size classes`, { file, field: column.column });
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const value = column.values[i]!;
    if (!Number.isFinite(value) || value < 0) throw badValue(column, i, file);
    total += value;
  }
  if (!(total > 0)) return null;
  if (column.expectedSum !== undefined) {
    const deviation = Math.abs(total / column.expectedSum - 1);
    const stated = `${column.expectedSum === 100 ? round(total, 4) + ' %' : round(total, 6)}`;
    if (deviation > SUM_SUSPICIOUS) {
      warnings.push({ code: 'W_SUM_NOT_TOTAL', message: `column "${column.column}" sums to ${stated}, not ${column.expectedSum === 100 ? '100 %' : '1'}; it was rescaled to a total of 1, so part of the sample may be missing from the file` });
    } else if (deviation > SUM_ROUNDING) {
      assumptions.push(`column "${column.column}" sums to ${stated}; rescaled to a total of 1`);
    }
  }
  const fraction = new Float64Array(n);
  for (let i = 0; i < n; i++) fraction[i] = column.values[i]! / total;
  return fraction;
}

/** The error for a value that is not finite or is negative (built apart, so that good values cost no location). */
function badValue(column: BinValues, i: number, file: string): InputError {
  const value = column.values[i]!;
  const where = { file, line: lineAt(column.lines, i), field: column.column };
  if (!Number.isFinite(value)) return new InputError('E_BAD_NUMBER', `value ${value} is not a finite number`, where);
  return new InputError('E_NEGATIVE_FRACTION', `value ${value} is negative`, where, 'a size class cannot hold less than nothing: correct the cell');
}

/** Line i of a list of lines (typed arrays of lines hold 0 for none: lines count from 1). */
function lineAt(lines: ArrayLike<number | undefined> | undefined, i: number): number | undefined {
  return lines?.[i] || undefined;
}

function round(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}
