/**
 * Cavitation (the tensile-strength effect) on an N2 desorption branch at 77 K: below p/p0 ≈ 0.42–0.50 liquid N2
 * cannot stay metastable in pore bodies behind narrow necks, so they empty all at once whatever their size. The
 * desorption branch then drops steeply there and the hysteresis loop closes, and BJH turns the drop into a false,
 * narrow peak at 3.4–4.2 nm (Groen, Peffer & Pérez-Ramírez, Micropor. Mesopor. Mater. 60 (2003) 1; IUPAC 2015,
 * Thommes et al., Pure Appl. Chem. 87 (2015) 1051, which advise the adsorption branch in that case).
 *
 * The test here, on the data alone:
 * 1. the steepest desorption step overlapping p/p0 0.42–0.50 falls at least STEEPNESS_RATIO times faster (per unit
 *    p/p0) than the first step wholly below 0.42, where the branch is reversible film;
 * 2. when the adsorption branch is known, the loop is still open at the top of that step (desorption above
 *    adsorption by at least half the step's drop): a reversible step (MCM-41-like pores filling and emptying at the
 *    same pressure) is not cavitation;
 * 3. the BJH curve has a local maximum at a group overlapping 3.4–4.2 nm.
 */
import type { BranchData } from '../model/isotherm.js';
import type { BjhDistribution, BjhWarning } from './bjh.js';

export const CAVITATION_WINDOW = { relativePressureMin: 0.42, relativePressureMax: 0.5 } as const;
export const CAVITATION_PEAK_NM = { min: 3.4, max: 4.2 } as const;
export const STEEPNESS_RATIO = 3;

/** The cavitation warning for a desorption branch, or null when the signature is absent. */
export function detectCavitation(desorption: BranchData, adsorption: BranchData | null, distribution: BjhDistribution): BjhWarning | null {
  const { relativePressure: p, loadingCm3StpPerG: q } = byFallingPressure(desorption);
  let steepest = -1;
  let reference = -1;
  const slope = (i: number): number => (q[i]! - q[i + 1]!) / (p[i]! - p[i + 1]!);
  for (let i = 0; i + 1 < p.length; i++) {
    const overlaps = p[i]! >= CAVITATION_WINDOW.relativePressureMin && p[i + 1]! <= CAVITATION_WINDOW.relativePressureMax;
    if (overlaps && (steepest < 0 || slope(i) > slope(steepest))) steepest = i;
    if (p[i]! < CAVITATION_WINDOW.relativePressureMin && reference < 0) reference = i;
  }
  if (steepest < 0 || reference < 0 || !(slope(steepest) > 0)) return null;
  const ratio = slope(steepest) / Math.max(slope(reference), Number.MIN_VALUE);
  if (ratio < STEEPNESS_RATIO) return null;
  const drop = q[steepest]! - q[steepest + 1]!;
  if (adsorption !== null) {
    const adsorbedAtTop = interpolateLinear(adsorption, p[steepest]!);
    if (adsorbedAtTop !== null && q[steepest]! - adsorbedAtTop < 0.5 * drop) return null;
  }
  const peakNm = localMaximumInWindow(distribution);
  if (peakNm === null) return null;
  return {
    code: 'BJH_CAVITATION',
    message:
      `the desorption branch drops ${drop.toPrecision(3)} cm³ STP/g between p/p0 ${p[steepest]!.toFixed(3)} and ${p[steepest + 1]!.toFixed(3)}, ` +
      `${ratio > 100 ? 'over 100' : ratio.toFixed(0)}× faster than below p/p0 0.42, where the hysteresis loop closes: this is cavitation of N2 at 77 K (tensile-strength effect), not pores, ` +
      `and the BJH peak at ${peakNm.toFixed(2)} nm is an artefact; read the pore sizes from the adsorption branch (--bjh-branch adsorption)`,
  };
}

/**
 * The branch's points in order of falling pressure (a stable sort). A desorption branch nearly always comes in that
 * order already, and then it is returned as it is: the same points in the same order as the sort gives, without the
 * three arrays the sort made.
 */
function byFallingPressure(branch: BranchData): BranchData {
  const p = branch.relativePressure;
  let falling = true;
  for (let i = 1; i < p.length && falling; i++) falling = p[i - 1]! >= p[i]!;
  if (falling) return branch;
  const order = [...p.keys()].sort((a, b) => p[b]! - p[a]!);
  return { relativePressure: Float64Array.from(order, (i) => p[i]!), loadingCm3StpPerG: Float64Array.from(order, (i) => branch.loadingCm3StpPerG[i]!) };
}

/** Amount on a branch at p by linear interpolation in p/p0 between the nearest points either side; null outside. */
function interpolateLinear(branch: BranchData, at: number): number | null {
  const { relativePressure: p, loadingCm3StpPerG: q } = branch;
  let below = -1;
  let above = -1;
  for (let i = 0; i < p.length; i++) {
    if (p[i]! <= at && (below < 0 || p[i]! > p[below]!)) below = i;
    if (p[i]! >= at && (above < 0 || p[i]! < p[above]!)) above = i;
  }
  if (below < 0 || above < 0) return null;
  if (p[above] === p[below]) return q[below]!;
  return q[below]! + ((at - p[below]!) / (p[above]! - p[below]!)) * (q[above]! - q[below]!);
}

/** Diameter of the highest dV/dlogD group overlapping 3.4–4.2 nm, if it stands above both neighbours. */
function localMaximumInWindow(distribution: BjhDistribution): number | null {
  const { diameterMinNm: lo, diameterMaxNm: hi, dvDlogdCm3PerG: y, diameterNm } = distribution;
  let best = -1;
  for (let i = 0; i < y.length; i++) {
    if (lo[i]! <= CAVITATION_PEAK_NM.max && hi[i]! >= CAVITATION_PEAK_NM.min && (best < 0 || y[i]! > y[best]!)) best = i;
  }
  if (best < 0) return null;
  const left = best > 0 ? y[best - 1]! : -Infinity;
  const right = best + 1 < y.length ? y[best + 1]! : -Infinity;
  if (!(y[best]! > left && y[best]! > right && y[best]! > 0)) return null;
  return diameterNm[best]!;
}
