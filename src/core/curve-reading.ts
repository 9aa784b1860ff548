/**
 * Reading a distribution curve sampled at discrete sizes: its value at a size (interpolated on log size) and its
 * maximum refined by a parabola in log size. Both work on log10(x) because pore and particle distributions are
 * sampled (and plotted) on a logarithmic size axis; a reading outside the sampled range is null, never extrapolated.
 */

/** Linear interpolation of y against log10(x) at `at`; xs may run either way; null outside [min x, max x]. */
export function interpolateOnLogAxis(xs: Float64Array, ys: Float64Array, at: number): number | null {
  const n = xs.length;
  if (n === 0 || !(at > 0)) return null;
  for (let i = 0; i < n; i++) if (xs[i] === at) return ys[i]!;
  for (let i = 1; i < n; i++) {
    const a = xs[i - 1]!;
    const b = xs[i]!;
    if ((at - a) * (at - b) < 0) {
      const f = Math.log(at / a) / Math.log(b / a);
      return ys[i - 1]! + f * (ys[i]! - ys[i - 1]!);
    }
  }
  return null;
}

export interface CurvePeak {
  /** Position of the maximum: the vertex of the parabola in log10 x through the highest point and its neighbours. */
  x: number;
  /** Height of that vertex. */
  y: number;
  /** The highest sampled point, unrefined. */
  gridX: number;
  gridY: number;
  /** False when the highest point is at an end of the curve (no neighbour on one side): x = gridX. */
  refined: boolean;
}

/** The curve's maximum. Null for an empty curve or one whose maximum is not positive. */
export function refinedPeak(xs: Float64Array, ys: Float64Array): CurvePeak | null {
  const n = xs.length;
  let top = -1;
  for (let i = 0; i < n; i++) if (top < 0 || ys[i]! > ys[top]!) top = i;
  if (top < 0 || !(ys[top]! > 0)) return null;
  const gridX = xs[top]!;
  const gridY = ys[top]!;
  if (top === 0 || top === n - 1) return { x: gridX, y: gridY, gridX, gridY, refined: false };
  // y = a·h² + b·h + y1 with h = log10(x / x_top), through the three points.
  const h0 = Math.log10(xs[top - 1]! / gridX);
  const h2 = Math.log10(xs[top + 1]! / gridX);
  const d0 = ys[top - 1]! - gridY;
  const d2 = ys[top + 1]! - gridY;
  const a = (d0 * h2 - d2 * h0) / (h0 * h2 * (h0 - h2));
  const b = (d0 - a * h0 * h0) / h0;
  if (!(a < 0) || !Number.isFinite(b)) return { x: gridX, y: gridY, gridX, gridY, refined: false };
  // The vertex of a concave parabola through a highest middle point lies between the outer points; clamp anyway.
  const h = Math.min(Math.max(-b / (2 * a), Math.min(h0, h2)), Math.max(h0, h2));
  return { x: gridX * Math.pow(10, h), y: gridY + b * h + a * h * h, gridX, gridY, refined: true };
}
