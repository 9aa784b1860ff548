/** Small helpers the chart modules share: rows for vega from parallel arrays, finite-only, and label placement. */

/** Rows {x, y, i} of the points where both values are finite (and x positive on a log axis). */
export function pointRows(x: readonly number[], y: readonly number[], options: { logX?: boolean } = {}): { x: number; y: number; i: number }[] {
  const rows: { x: number; y: number; i: number }[] = [];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    if (options.logX && xi <= 0) continue;
    rows.push({ x: xi, y: yi, i });
  }
  return rows;
}

/** [min, max] of the finite values, or null. */
export function extent(values: readonly number[]): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : null;
}

/**
 * Which side of a vertical marker its label goes, so that it stays inside the plot: labels of markers in the right
 * part of the domain are right-aligned and drawn to the left of the line.
 */
export function labelSide(value: number, domain: [number, number], log: boolean): { align: 'left' | 'right'; dx: number } {
  const t = log ? (Math.log(value) - Math.log(domain[0])) / (Math.log(domain[1]) - Math.log(domain[0])) : (value - domain[0]) / (domain[1] - domain[0]);
  return t > 0.6 ? { align: 'right', dx: -4 } : { align: 'left', dx: 4 };
}

/** A log-axis domain covering the values, widened to whole powers of ten only when that keeps it tight. */
export function logDomain(values: readonly number[]): [number, number] | null {
  const e = extent(values.filter((v) => v > 0));
  if (!e) return null;
  const [min, max] = e;
  return min === max ? [min / 2, max * 2] : [min, max];
}

/**
 * A linear domain from 0 (or the lowest negative value) to the highest value plus `headroom` of the span, leaving a
 * band at the top of the plot for marker labels so they never sit on the curve.
 */
export function headroomDomain(values: readonly number[], headroom: number): [number, number] | null {
  const e = extent(values);
  if (!e) return null;
  const lo = Math.min(0, e[0]);
  const hi = Math.max(e[1], lo + Number.EPSILON);
  return [lo, hi + (hi - lo) * headroom];
}

/**
 * At most this many points of one series are drawn: an instrument export has tens to a few hundred; a file of 100,000
 * would make a 50 MB page that a browser struggles to open, for a curve that looks the same.
 */
export const MAX_PLOTTED_POINTS = 2000;

/** Every k-th point (and the last), k the smallest stride that keeps at most `max`; `stride` 1 means all. */
export function thinned<T>(values: readonly T[], max = MAX_PLOTTED_POINTS): { values: T[]; stride: number } {
  const stride = Math.max(1, Math.ceil(values.length / max));
  if (stride === 1) return { values: [...values], stride };
  const kept = values.filter((_, i) => i % stride === 0);
  if ((values.length - 1) % stride !== 0) kept.push(values[values.length - 1]!);
  return { values: kept, stride };
}
