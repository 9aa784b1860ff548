/**
 * BET surface area (Brunauer, Emmett, Teller 1938; ISO 9277:2022), on plain typed arrays.
 *
 * Linear form: y = x / [n (1 − x)] = 1/(n_m C) + (C − 1)/(n_m C) · x, x = p/p0, n in cm³(STP)/g.
 * Ordinary least squares over the chosen points: n_m = 1/(s + i), C = s/i + 1, area = n_m/V_STP · N_A · σ.
 * Standard error of the area as Micromeritics reports it: area · sqrt(σ_s² + σ_i²)/(s + i).
 */
import type { SimpleLinearRegression as Regression } from 'ml-regression';
import { lazyRequire } from '../lazy-require.js';
import { AVOGADRO_PER_MOL, MOLAR_VOLUME_STP_CM3_PER_MOL } from './constants.js';

const NM2_TO_M2 = 1e-18;

const mlRegression = lazyRequire<{ SimpleLinearRegression: typeof Regression }>('ml-regression');

export interface BetFit {
  areaM2PerG: number;
  areaStderrM2PerG: number;
  c: number;
  monolayerCm3StpPerG: number;
  slope: number;
  intercept: number;
  r2: number;
  points: number;
  relativePressureMin: number;
  relativePressureMax: number;
}

/** The BET transform y = x / [n(1 − x)] of each point. */
export function betTransform(relativePressure: Float64Array, loadingCm3StpPerG: Float64Array): Float64Array {
  const y = new Float64Array(relativePressure.length);
  for (let i = 0; i < y.length; i++) y[i] = relativePressure[i]! / (loadingCm3StpPerG[i]! * (1 - relativePressure[i]!));
  return y;
}

/** Monolayer amount (cm³(STP)/g) → area (m²/g) for a molecular cross-section σ (nm²). */
export function monolayerToAreaM2PerG(monolayerCm3StpPerG: number, crossSectionNm2: number): number {
  return (monolayerCm3StpPerG / MOLAR_VOLUME_STP_CM3_PER_MOL) * AVOGADRO_PER_MOL * crossSectionNm2 * NM2_TO_M2;
}

/** Derives the BET quantities from slope, intercept and the standard errors of both. */
function fitFromLine(slope: number, intercept: number, slopeStderr: number, interceptStderr: number, r2: number, x: Float64Array, crossSectionNm2: number): BetFit {
  const monolayer = 1 / (slope + intercept);
  const area = monolayerToAreaM2PerG(monolayer, crossSectionNm2);
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return {
    areaM2PerG: area,
    areaStderrM2PerG: (area * Math.sqrt(slopeStderr ** 2 + interceptStderr ** 2)) / (slope + intercept),
    c: slope / intercept + 1,
    monolayerCm3StpPerG: monolayer,
    slope,
    intercept,
    r2,
    points: x.length,
    relativePressureMin: min,
    relativePressureMax: max,
  };
}

/** BET over exactly the given points (≥ 3). */
export function betFit(relativePressure: Float64Array, loadingCm3StpPerG: Float64Array, crossSectionNm2: number): BetFit {
  const n = relativePressure.length;
  if (n < 3) throw new RangeError(`BET needs at least 3 points, got ${n}`);
  const y = betTransform(relativePressure, loadingCm3StpPerG);
  const regression = new (mlRegression().SimpleLinearRegression)(relativePressure, y);
  const { slope, intercept } = regression;
  let meanX = 0;
  for (const v of relativePressure) meanX += v / n;
  let sxx = 0;
  let sumX2 = 0;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const x = relativePressure[i]!;
    sxx += (x - meanX) ** 2;
    sumX2 += x * x;
    sse += (y[i]! - (intercept + slope * x)) ** 2;
  }
  const slopeStderr = Math.sqrt(sse / (n - 2) / sxx);
  const interceptStderr = slopeStderr * Math.sqrt(sumX2 / n);
  return fitFromLine(slope, intercept, slopeStderr, interceptStderr, regression.score(relativePressure, y).r2, relativePressure, crossSectionNm2);
}

/** The four consistency criteria (Rouquerol et al. 2007; ISO 9277:2022 Annex C; IUPAC 2015) for one window. */
export interface BetCriteria {
  /** 1: n(1 − p/p0) and the BET transform both rise over the whole window (BETSI's reading). */
  rouquerolIncreasing: boolean;
  /** 2: C > 0 (positive intercept). */
  positiveC: boolean;
  /** 3: the p/p0 at which the isotherm reaches n_m lies inside the window. */
  monolayerInRange: boolean;
  /** The p/p0 at which the loading equals n_m (interpolated), null if the isotherm never reaches n_m. */
  monolayerRelativePressure: number | null;
  /** 4: that p/p0 agrees with 1/(√C + 1) within the tolerance. */
  monolayerConsistent: boolean;
  /** |p(n_m) − 1/(√C + 1)| / (1/(√C + 1)), null when undefined. */
  monolayerPressureError: number | null;
}

export interface BetAutoOptions {
  crossSectionNm2: number;
  /** Fewest points in a window (ISO 9277 asks for at least 5 in the multipoint method). */
  minPoints: number;
  /** Lowest acceptable R² (BETSI: 0.995). */
  minR2: number;
  /** Relative tolerance of criterion 4 (BETSI: 0.20; BEaTmap: 0.10). */
  pressureTolerance: number;
}

export interface BetWindow {
  start: number;
  /** Inclusive. */
  end: number;
  fit: BetFit;
  criteria: BetCriteria;
}

export interface BetAutoResult {
  /** The chosen window, or null when none passes every test. */
  chosen: BetWindow | null;
  windowsTried: number;
  /** How many windows (with enough points) failed each test; a window can fail several. */
  failures: { r2: number; rouquerolIncreasing: number; positiveC: number; monolayerInRange: number; monolayerConsistent: number };
  /** The number of points when the search ran on a thinned copy (see MAX_SEARCH_POINTS), else null. */
  thinnedFrom: number | null;
  /** When nothing passes: the windows that came closest (fewest failed tests, then highest R²), at most 3. */
  nearest: BetWindow[];
}

/** p/p0 at which the loading first reaches `target`, by linear interpolation; null if it never does. */
export function relativePressureAtLoading(relativePressure: Float64Array, loadingCm3StpPerG: Float64Array, target: number): number | null {
  for (let i = 1; i < loadingCm3StpPerG.length; i++) {
    const q0 = loadingCm3StpPerG[i - 1]!;
    const q1 = loadingCm3StpPerG[i]!;
    if (q0 <= target && target <= q1 && q1 > q0) {
      const p0 = relativePressure[i - 1]!;
      return p0 + ((target - q0) / (q1 - q0)) * (relativePressure[i]! - p0);
    }
  }
  if (loadingCm3StpPerG.length > 0 && loadingCm3StpPerG[0] === target) return relativePressure[0]!;
  return null;
}

/**
 * Evaluates the consistency criteria of the window [start, end] of an adsorption branch sorted by pressure.
 * `risingUntil[i]` is the last index j ≥ i such that n(1 − x) and y rise from each point to the next up to j.
 */
function criteriaFor(x: Float64Array, q: Float64Array, start: number, end: number, fit: BetFit, risingUntil: Int32Array, tolerance: number): BetCriteria {
  const positiveC = fit.intercept > 0 && fit.c > 0;
  const monolayerRelativePressure = relativePressureAtLoading(x, q, fit.monolayerCm3StpPerG);
  const monolayerInRange = monolayerRelativePressure !== null && monolayerRelativePressure >= x[start]! && monolayerRelativePressure <= x[end]!;
  let monolayerPressureError: number | null = null;
  if (positiveC && monolayerRelativePressure !== null) {
    const expected = 1 / (Math.sqrt(fit.c) + 1);
    monolayerPressureError = Math.abs(monolayerRelativePressure - expected) / expected;
  }
  return {
    rouquerolIncreasing: risingUntil[start]! >= end,
    positiveC,
    monolayerInRange,
    monolayerRelativePressure,
    monolayerConsistent: monolayerPressureError !== null && monolayerPressureError <= tolerance,
    monolayerPressureError,
  };
}

/** Criteria for a window given by the caller (fixed or vendor range). Points must be sorted by pressure. */
export function betCriteria(x: Float64Array, q: Float64Array, start: number, end: number, fit: BetFit, tolerance: number): BetCriteria {
  return criteriaFor(x, q, start, end, fit, risingRuns(x, q), tolerance);
}

/**
 * `until[i]`: the last index j ≥ i such that n(1 − x) and the BET transform rise from each point to the next up to j.
 * Written into `until` when given (the search passes its scratch array), else into a new array.
 */
function risingRuns(x: Float64Array, q: Float64Array, until: Int32Array = new Int32Array(x.length)): Int32Array {
  const n = x.length;
  if (n === 0) return until;
  until[n - 1] = n - 1;
  for (let i = n - 2; i >= 0; i--) {
    const rouquerolRises = q[i + 1]! * (1 - x[i + 1]!) > q[i]! * (1 - x[i]!);
    const transformRises = x[i + 1]! / (q[i + 1]! * (1 - x[i + 1]!)) > x[i]! / (q[i]! * (1 - x[i]!));
    until[i] = rouquerolRises && transformRises ? until[i + 1]! : i;
  }
  return until;
}

/** Above this many points the automatic search runs on an evenly thinned copy (the windows are O(n²)). */
export const MAX_SEARCH_POINTS = 400;

/**
 * Automatic range (after BETSI, Osterrieth et al., Adv. Mater. 2022): every contiguous window of at least
 * `minPoints` points with R² ≥ `minR2` that passes criteria 1–4 is valid; among the valid windows those ending at the
 * highest pressure are kept, and of these the one with the smallest criterion-4 error wins (then more points, then the
 * lower start), so the choice is deterministic. Points must be sorted by pressure, with 0 < x < 1 and n > 0.
 *
 * An isotherm of more than MAX_SEARCH_POINTS points is searched on every k-th point; the chosen pressure range is then
 * fitted and checked again on all the points inside it (`thinnedFrom` says so).
 */
export function betAuto(x: Float64Array, q: Float64Array, options: BetAutoOptions): BetAutoResult {
  if (x.length <= MAX_SEARCH_POINTS) return searchWindows(x, q, options);
  const step = Math.ceil(x.length / MAX_SEARCH_POINTS);
  const keep = Array.from({ length: Math.ceil(x.length / step) }, (_, i) => i * step);
  const coarse = searchWindows(Float64Array.from(keep, (i) => x[i]!), Float64Array.from(keep, (i) => q[i]!), options);
  if (!coarse.chosen) return { ...coarse, thinnedFrom: x.length };
  const start = keep[coarse.chosen.start]!;
  const end = keep[coarse.chosen.end]!;
  const fit = betFit(x.subarray(start, end + 1), q.subarray(start, end + 1), options.crossSectionNm2);
  const criteria = betCriteria(x, q, start, end, fit, options.pressureTolerance);
  return { ...coarse, chosen: { start, end, fit, criteria }, thinnedFrom: x.length };
}

/**
 * Running sums Σx, Σy, Σx², Σxy, Σy² of the BET transform over the first i points (index i, 0 ≤ i ≤ n), which make
 * each window's least-squares fit O(1). One set is kept per module and reused: a typed array of more than 64 bytes
 * has its storage outside the JavaScript heap, and allocating and freeing six of them per search cost more than the
 * search of a short isotherm.
 */
class PrefixSums {
  sx = new Float64Array(0);
  sy = new Float64Array(0);
  sxx = new Float64Array(0);
  sxy = new Float64Array(0);
  syy = new Float64Array(0);
  risingUntil = new Int32Array(0);

  /** Fills the sums for these points (y = x / [n (1 − x)], as betTransform computes it), growing the arrays if needed. */
  fill(x: Float64Array, q: Float64Array): void {
    const n = x.length;
    if (this.sx.length < n + 1) this.grow(n + 1);
    const { sx, sy, sxx, sxy, syy } = this;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = xi / (q[i]! * (1 - xi));
      sx[i + 1] = sx[i]! + xi;
      sy[i + 1] = sy[i]! + yi;
      sxx[i + 1] = sxx[i]! + xi * xi;
      sxy[i + 1] = sxy[i]! + xi * yi;
      syy[i + 1] = syy[i]! + yi * yi;
    }
  }

  private grow(length: number): void {
    const size = Math.max(length, 2 * this.sx.length, 64);
    this.sx = new Float64Array(size);
    this.sy = new Float64Array(size);
    this.sxx = new Float64Array(size);
    this.sxy = new Float64Array(size);
    this.syy = new Float64Array(size);
    this.risingUntil = new Int32Array(size);
  }
}

const prefixSums = new PrefixSums();

function isNonDecreasing(q: Float64Array): boolean {
  for (let i = 1; i < q.length; i++) if (q[i]! < q[i - 1]!) return false;
  return true;
}

/** 0 < x[0] < x[1] < … < x[n−1] < ∞ and 0 < q[0] ≤ q[1] ≤ … ≤ q[n−1] < ∞ (no NaN): what the cheap in-range test assumes. */
function isOrderedPositive(x: Float64Array, q: Float64Array): boolean {
  const n = x.length;
  if (n === 0 || !(x[0]! > 0) || !(q[0]! > 0) || !(x[n - 1]! < Infinity) || !(q[n - 1]! < Infinity)) return false;
  for (let i = 1; i < n; i++) if (!(x[i]! > x[i - 1]!) || !(q[i]! >= q[i - 1]!)) return false;
  return true;
}

/** A window that failed some test, kept while no window passes them all: the three nearest are reported. */
interface NearWindow {
  start: number;
  end: number;
  failed: number;
  r2: number;
}

/** The three nearest of these and one more (fewest failed tests, then highest R², then lowest start). */
function keepNearest(nearest: NearWindow[], window: NearWindow): NearWindow[] {
  return [...nearest, window].sort(byNearness).slice(0, 3);
}

/**
 * Fits every window of ≥ minPoints points from prefix sums (O(1) each) and counts, for every window, each test it
 * fails; these counts are reported, so no window is skipped. Work that cannot change a count or the choice is left
 * out: C only with a positive intercept, criterion 3 from comparisons of n_m with the loadings when C ≤ 0 (the exact
 * interpolation only near the window's edges), the criterion-4 error only when C > 0.
 */
function searchWindows(x: Float64Array, q: Float64Array, options: BetAutoOptions): BetAutoResult {
  const n = x.length;
  const { minPoints, minR2, pressureTolerance } = options;
  prefixSums.fill(x, q);
  const { sx, sy, sxx, sxy, syy } = prefixSums;
  const risingUntil = risingRuns(x, q, prefixSums.risingUntil);
  const monotone = isNonDecreasing(q);
  const ordered = isOrderedPositive(x, q);
  // Failure counts as plain numbers: incrementing fields of an object in the inner loop was slower.
  let failedR2 = 0;
  let failedRising = 0;
  let failedPositiveC = 0;
  let failedInRange = 0;
  let failedConsistent = 0;
  // The best window so far (start −1: none). Numbers rather than an object, and NaN rather than null below: in
  // optimised code a value that may be null is boxed, which allocated two heap numbers per window (~30 kB a search).
  let bestStart = -1;
  let bestEnd = -1;
  let bestError = NaN;
  let windowsTried = 0;
  // When nothing passes, the three windows that failed fewest tests (then highest R², then lowest start).
  let nearest: NearWindow[] = [];
  // Where the loading reaches n_m moves little from one window to the next, so a walk from the last place finds
  // it in a step or two (the first index with q ≥ n_m, as a binary search would). Kept across starts, and left where
  // it is when n_m lies beyond either end of the isotherm, so that the next walk does not begin at that end.
  let k = 0;

  for (let start = 0; start + minPoints <= n; start++) {
    // What depends on the start only, read once per start rather than once per window.
    const sxStart = sx[start]!;
    const syStart = sy[start]!;
    const sxxStart = sxx[start]!;
    const sxyStart = sxy[start]!;
    const syyStart = syy[start]!;
    const xStart = x[start]!;
    const risingEnd = risingUntil[start]!;
    const qStart = q[start]!;
    // At or below this loading, n_m is reached before x[start] (see `cheap` below); −∞ at the first start.
    const qTooLow = start === 0 ? -Infinity : q[start < 2 ? 0 : start - 2]!;
    for (let end = start + minPoints - 1; end < n; end++) {
      windowsTried++;
      const m = end - start + 1;
      const Sx = sx[end + 1]! - sxStart;
      const Sy = sy[end + 1]! - syStart;
      const Sxx = sxx[end + 1]! - sxxStart - (Sx * Sx) / m;
      const Sxy = sxy[end + 1]! - sxyStart - (Sx * Sy) / m;
      const Syy = syy[end + 1]! - syyStart - (Sy * Sy) / m;
      if (!(Sxx > 0) || !(Syy > 0)) continue;
      const slope = Sxy / Sxx;
      const intercept = (Sy - slope * Sx) / m;
      const r2 = (Sxy * Sxy) / (Sxx * Syy);
      // C matters only with a positive intercept (criterion 2 fails otherwise): most windows skip the division.
      const c = intercept > 0 ? slope / intercept + 1 : NaN;
      const monolayer = 1 / (slope + intercept);
      const r2Ok = r2 >= minR2;
      const rising = risingEnd >= end;
      const positiveC = c > 0;
      // Criterion 3 without finding where the isotherm reaches n_m, when C ≤ 0 (criterion 4 then fails anyway) and
      // comparing n_m with the loadings decides it. k, the first index with q[k] ≥ n_m, gives the interpolated
      // pressure p ∈ [x[k−1], next double above x[k]] even after rounding (t ∈ [0, 1], p = x[k−1] + t·(x[k] − x[k−1])),
      // so with strictly rising pressures: n_m ≤ q[start−2] (k ≤ start−2), n_m > q[end+1] (k ≥ end+2) or above every
      // loading (never reached) put p outside the window, and q[start] < n_m ≤ q[end−1] (start < k < end) inside it.
      // Anything closer to an edge, and every window with C > 0, takes the exact interpolation below.
      let inRange = false;
      let cheap = false;
      if (ordered && !positiveC) {
        if (!(monolayer > qTooLow) || monolayer > q[end + 1 < n ? end + 1 : n - 1]!) {
          cheap = true;
        } else if (qStart < monolayer && monolayer <= q[end - 1]!) {
          cheap = true;
          inRange = true;
        }
      }
      let error = NaN;
      if (!cheap) {
        // p/p0 at which the isotherm reaches n_m (criterion 3; NaN: never) and its gap to 1/(√C + 1) (criterion 4).
        let atMonolayer: number;
        if (monotone) {
          if (monolayer > q[n - 1]!) {
            atMonolayer = NaN;
          } else if (!(monolayer > q[0]!)) {
            atMonolayer = q[0] === monolayer ? x[0]! : NaN;
          } else {
            while (q[k]! < monolayer) k++;
            while (q[k - 1]! >= monolayer) k--;
            atMonolayer = x[k - 1]! + ((monolayer - q[k - 1]!) / (q[k]! - q[k - 1]!)) * (x[k]! - x[k - 1]!);
          }
        } else {
          atMonolayer = relativePressureAtLoading(x, q, monolayer) ?? NaN;
        }
        inRange = atMonolayer >= xStart && atMonolayer <= x[end]!;
        if (positiveC) {
          // √C + 1 once (it was taken twice): the same value, so the same error to the last bit.
          const rootCPlusOne = Math.sqrt(c) + 1;
          error = Math.abs(atMonolayer - 1 / rootCPlusOne) * rootCPlusOne;
        }
      }
      const consistent = error <= pressureTolerance;
      if (!r2Ok) failedR2++;
      if (!rising) failedRising++;
      if (!positiveC) failedPositiveC++;
      if (!inRange) failedInRange++;
      if (!consistent) failedConsistent++;
      if (r2Ok && rising && positiveC && inRange && consistent) {
        if (bestStart < 0 || end > bestEnd || (end === bestEnd && (error < bestError || (error === bestError && m > bestEnd - bestStart + 1)))) {
          bestStart = start;
          bestEnd = end;
          bestError = error;
        }
      } else if (bestStart < 0) {
        // The nearest windows are reported only when no window passes, so once one has, they are not tracked.
        const failed = Number(!r2Ok) + Number(!rising) + Number(!positiveC) + Number(!inRange) + Number(!consistent);
        // Allocates only for a window that enters the three nearest (most windows do not).
        if (nearest.length < 3 || nearer(failed, r2, start, nearest[2]!)) nearest = keepNearest(nearest, { start, end, failed, r2 });
      }
    }
  }
  const failures = { r2: failedR2, rouquerolIncreasing: failedRising, positiveC: failedPositiveC, monolayerInRange: failedInRange, monolayerConsistent: failedConsistent };
  const window = (start: number, end: number): BetWindow => {
    const fit = betFit(x.subarray(start, end + 1), q.subarray(start, end + 1), options.crossSectionNm2);
    return { start, end, fit, criteria: criteriaFor(x, q, start, end, fit, risingUntil, options.pressureTolerance) };
  };
  return {
    chosen: bestStart >= 0 ? window(bestStart, bestEnd) : null,
    windowsTried,
    failures,
    nearest: bestStart >= 0 ? [] : nearest.map((w) => window(w.start, w.end)),
    thinnedFrom: null,
  };
}

function byNearness(a: NearWindow, b: NearWindow): number {
  return a.failed - b.failed || b.r2 - a.r2 || a.start - b.start;
}

/** byNearness(window, other) < 0, for a window not (yet) made into an object. */
function nearer(failed: number, r2: number, start: number, other: NearWindow): boolean {
  return (failed - other.failed || other.r2 - r2 || start - other.start) < 0;
}

