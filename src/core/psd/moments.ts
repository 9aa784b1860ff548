/**
 * Moment-ratio mean diameters D[p,q] = (Σ n_i x_i^p / Σ n_i x_i^q)^(1/(p−q)) (ISO 9276-2; Alderliesten's notation),
 * computed from the fractions of any basis r by n_i ∝ p_r,i · x_i^(−r). Number mean = D[1,0]; D[3,2] (Sauter) =
 * Σv/Σ(v/x); D[4,3] (De Brouckere) = Σv·x/Σv; the arithmetic mean weighted by basis r is D[r+1, r].
 */
import { gridPowers, referenceDiameterNm, type GridPowers } from './bins.js';

/** D[p,q] in nm, or null when a sum vanishes. Requires p ≠ q. `powers`: gridPowers(diametersNm), when the caller has it. */
export function momentDiameterNm(diametersNm: Float64Array, fraction: Float64Array, basisPower: number, p: number, q: number, powers: GridPowers = gridPowers(diametersNm)): number | null {
  if (p === q) return null;
  const reference = referenceDiameterNm(diametersNm);
  const numeratorPowers = powers(p - basisPower);
  const denominatorPowers = powers(q - basisPower);
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < fraction.length; i++) {
    const share = fraction[i]!;
    if (share === 0) continue;
    numerator += share * numeratorPowers[i]!;
    denominator += share * denominatorPowers[i]!;
  }
  if (!(numerator > 0 && denominator > 0)) return null;
  const ratio = Math.pow(numerator / denominator, 1 / (p - q)) * reference;
  return Number.isFinite(ratio) ? ratio : null;
}
