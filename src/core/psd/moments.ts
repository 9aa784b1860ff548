/**
 * Moment-ratio mean diameters D[p,q] = (Σ n_i x_i^p / Σ n_i x_i^q)^(1/(p−q)) (ISO 9276-2; Alderliesten's notation),
 * computed from the fractions of any basis r by n_i ∝ p_r,i · x_i^(−r). Number mean = D[1,0]; D[3,2] (Sauter) =
 * Σv/Σ(v/x); D[4,3] (De Brouckere) = Σv·x/Σv; the arithmetic mean weighted by basis r is D[r+1, r].
 */
import { referenceDiameterNm } from './bins.js';

/** D[p,q] in nm, or null when a sum vanishes. Requires p ≠ q. */
export function momentDiameterNm(diametersNm: Float64Array, fraction: Float64Array, basisPower: number, p: number, q: number): number | null {
  return momentDiametersNm(diametersNm, fraction, basisPower, [[p, q]])[0]!;
}

/**
 * Several D[p,q] of one distribution (null where p = q or a sum vanishes). The moment sums the ratios share are
 * each formed once, in one pass: a basis's mean, D[3,2] and D[4,3] need five powers of x per class, not twelve.
 */
export function momentDiametersNm(diametersNm: Float64Array, fraction: Float64Array, basisPower: number, pairs: readonly (readonly [number, number])[]): (number | null)[] {
  const reference = referenceDiameterNm(diametersNm);
  const exponents = [...new Set(pairs.flatMap(([p, q]) => (p === q ? [] : [p - basisPower, q - basisPower])))];
  const sums = momentSums(diametersNm, fraction, reference, exponents);
  return pairs.map(([p, q]) => {
    if (p === q) return null;
    const numerator = sums[exponents.indexOf(p - basisPower)]!;
    const denominator = sums[exponents.indexOf(q - basisPower)]!;
    if (!(numerator > 0 && denominator > 0)) return null;
    const ratio = Math.pow(numerator / denominator, 1 / (p - q)) * reference;
    return Number.isFinite(ratio) ? ratio : null;
  });
}

/** Σ p_i (x_i / reference)^k for each exponent k; empty classes are skipped, so x^k overflowing there is harmless. */
function momentSums(diametersNm: Float64Array, fraction: Float64Array, reference: number, exponents: number[]): Float64Array {
  const sums = new Float64Array(exponents.length);
  for (let i = 0; i < fraction.length; i++) {
    const share = fraction[i]!;
    if (share === 0) continue;
    const x = diametersNm[i]! / reference;
    for (let k = 0; k < exponents.length; k++) sums[k]! += share * Math.pow(x, exponents[k]!);
  }
  return sums;
}
