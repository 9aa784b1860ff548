/**
 * Akima's piecewise-cubic interpolation (H. Akima, J. ACM 17 (1970) 589): each point's slope is a weighted mean of
 * the neighbouring chord slopes, weighted so that a straight run stays straight and a kink does not ring. The
 * Micromeritics manuals use it ("Akima semi-spline") wherever their software interpolates tabulated data; on the
 * SIO2OH.THK table it reproduces the thickness the Sample_A report prints at every data point to 3e-5 Å.
 */

/** The interpolant through (xs, ys), xs strictly increasing, at least two points. Outside [x0, xn] it is not defined. */
export function akimaInterpolant(xs: Float64Array, ys: Float64Array): (x: number) => number {
  const n = xs.length;
  const chord = new Float64Array(n + 3);
  // chord[k + 2] is the slope of interval k; two extra slopes are extrapolated at each end (Akima's rule).
  for (let k = 0; k < n - 1; k++) chord[k + 2] = (ys[k + 1]! - ys[k]!) / (xs[k + 1]! - xs[k]!);
  if (n === 2) chord[1] = chord[0] = chord[3] = chord[4] = chord[2]!;
  else {
    chord[1] = 2 * chord[2]! - chord[3]!;
    chord[0] = 2 * chord[1]! - chord[2]!;
    chord[n + 1] = 2 * chord[n]! - chord[n - 1]!;
    chord[n + 2] = 2 * chord[n + 1]! - chord[n]!;
  }
  const slope = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const before = Math.abs(chord[i + 1]! - chord[i]!);
    const after = Math.abs(chord[i + 3]! - chord[i + 2]!);
    slope[i] = before + after === 0 ? (chord[i + 1]! + chord[i + 2]!) / 2 : (after * chord[i + 1]! + before * chord[i + 2]!) / (before + after);
  }
  return (x: number): number => {
    let low = 0;
    let high = n - 1;
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (xs[mid]! <= x) low = mid;
      else high = mid;
    }
    const h = xs[high]! - xs[low]!;
    const s = (x - xs[low]!) / h;
    // Cubic Hermite basis on the interval.
    return (
      (2 * s ** 3 - 3 * s ** 2 + 1) * ys[low]! +
      (s ** 3 - 2 * s ** 2 + s) * h * slope[low]! +
      (-2 * s ** 3 + 3 * s ** 2) * ys[high]! +
      (s ** 3 - s ** 2) * h * slope[high]!
    );
  };
}
