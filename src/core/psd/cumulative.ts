/**
 * The cumulative undersize Q(x) of a binned distribution, interpolated inside a bin linearly in ln x (the
 * distribution is taken as uniform in log-diameter within each bin), and what is read from it: percentiles
 * D10/D50/D90 and the fraction between two sizes. ../shared/docs/science.md; ../shared/data/psd/INDEX.md shows that
 * a step-wise quantile (e.g. simple-statistics' weightedQuantile) is wrong for binned data.
 */

/** Q at each of the n + 1 edges: Q_0 = 0, Q_j = Σ_(k<j) p_k. */
export function cumulativeAtEdges(fraction: Float64Array): Float64Array {
  const cumulative = new Float64Array(fraction.length + 1);
  for (let i = 0; i < fraction.length; i++) cumulative[i + 1] = cumulative[i]! + fraction[i]!;
  return cumulative;
}

/** Q(x) as a share of the total: 0 below the first edge, 1 above the last, log-interpolated inside a bin. */
export function undersizeAt(edgesNm: Float64Array, fraction: Float64Array, xNm: number): number {
  const n = fraction.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += fraction[i]!;
  if (!(total > 0) || n === 0) return 0;
  if (xNm <= edgesNm[0]!) return 0;
  if (xNm >= edgesNm[n]!) return 1;
  let below = 0;
  for (let i = 0; i < n; i++) {
    const lower = edgesNm[i]!;
    const upper = edgesNm[i + 1]!;
    if (xNm >= upper) {
      below += fraction[i]!;
      continue;
    }
    const t = Math.log(xNm / lower) / Math.log(upper / lower);
    below += fraction[i]! * t;
    break;
  }
  return Math.min(1, below / total);
}

/**
 * The diameter below which a share `q` (0 < q < 1) of the distribution lies, log-interpolated inside the bin where
 * the cumulative crosses q. Null when q is outside (0, 1) or the distribution is empty.
 */
export function percentileNm(edgesNm: Float64Array, fraction: Float64Array, q: number): number | null {
  if (!(q > 0 && q < 1)) return null;
  const n = fraction.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += fraction[i]!;
  if (!(total > 0)) return null;
  const target = q * total;
  let below = 0;
  for (let i = 0; i < n; i++) {
    const share = fraction[i]!;
    if (share > 0 && below + share >= target) {
      const t = Math.min(1, Math.max(0, (target - below) / share));
      const lower = edgesNm[i]!;
      const upper = edgesNm[i + 1]!;
      return lower * Math.pow(upper / lower, t);
    }
    below += share;
  }
  // Rounding left the target a hair above the total: the answer is the top of the last populated bin.
  for (let i = n - 1; i >= 0; i--) if (fraction[i]! > 0) return edgesNm[i + 1]!;
  return null;
}

/**
 * The share of the distribution between `minNm` and `maxNm` (ISO 9276-1 p between two sizes). Bins the limits cut
 * through contribute by log-diameter interpolation of the cumulative.
 */
export function windowFraction(edgesNm: Float64Array, fraction: Float64Array, minNm: number, maxNm: number): number {
  if (!(maxNm > minNm)) return 0;
  return Math.max(0, undersizeAt(edgesNm, fraction, maxNm) - undersizeAt(edgesNm, fraction, minNm));
}
