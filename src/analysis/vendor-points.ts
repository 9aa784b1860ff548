/**
 * `--bet-range vendor`: the adsorption points the instrument software used for its BET fit, found in the isotherm
 * from the relative pressures the report lists.
 *
 * A listed p/p0 matches the nearest adsorption point when the two differ by at most
 * max(5e-6, 5e-4 · p/p0): half a unit in the 5th decimal (3P prints its BET points to 5 decimals) or in the 4th
 * significant digit (the coarsest scientific notation a report uses), whichever is larger. Micromeritics reports
 * list the very numbers of their isotherm table, so there the match is exact. In the reference files the nearest
 * other adsorption point is never closer than 1.2e-4 (Sample_N) or 0.2 % (Sample_D) to a listed one — 20 and 4
 * times the tolerance — so a match is unambiguous; when it is not (two points within tolerance), or a listed
 * value has no point at all, the answer is an error naming the value rather than a silently different fit.
 */
import { AnalysisError } from '../errors.js';

/** How far a listed p/p0 may lie from the measured point it stands for. */
export function vendorPointTolerance(relativePressure: number): number {
  return Math.max(5e-6, 5e-4 * relativePressure);
}

/** Indices into `x` (sorted adsorption p/p0) of the listed points, ascending and distinct. */
export function matchVendorPoints(x: Float64Array, listed: ArrayLike<number>, file: string): number[] {
  const indices = new Set<number>();
  for (const p of Array.from(listed)) {
    const tolerance = vendorPointTolerance(p);
    const within: number[] = [];
    for (let i = 0; i < x.length; i++) if (Math.abs(x[i]! - p) <= tolerance) within.push(i);
    if (within.length === 0) {
      throw new AnalysisError('E_VENDOR_BET_MISMATCH', `--bet-range vendor: the report's BET point p/p0 ${p} matches no adsorption point within ±${tolerance.toPrecision(2)}`, { file, field: '--bet-range' });
    }
    if (within.length > 1) {
      const shown = within.map((i) => x[i]!.toPrecision(6)).join(', ');
      throw new AnalysisError('E_VENDOR_BET_MISMATCH', `--bet-range vendor: the report's BET point p/p0 ${p} could be any of the adsorption points ${shown}`, { file, field: '--bet-range' });
    }
    indices.add(within[0]!);
  }
  return [...indices].sort((a, b) => a - b);
}
