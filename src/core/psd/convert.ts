/**
 * Conversion between bases (ISO 9276-1 §5, ../shared/docs/science.md): p_s,i ∝ x_i^(s−r) · p_r,i, renormalised,
 * with x_i the bin's geometric-mean diameter. Going down in power (volume → number) divides by x³ and amplifies
 * errors in fine bins by about (x_ref/x_i)³, which is why the analysis reports the range the input resolves.
 */
import { gridPowers, type GridPowers } from './bins.js';

/**
 * Converts per-bin fractions of a basis of power `fromPower` to one of power `toPower`. Returns null when the
 * result has no mass (all input fractions zero). `gridPowersOf`: gridPowers(diametersNm), when the caller has it.
 */
export function convertBasis(fraction: Float64Array, diametersNm: Float64Array, fromPower: number, toPower: number, gridPowersOf: GridPowers = gridPowers(diametersNm)): Float64Array | null {
  const n = fraction.length;
  const out = new Float64Array(n);
  const powers = gridPowersOf(toPower - fromPower);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const value = fraction[i]! * powers[i]!;
    out[i] = value;
    total += value;
  }
  if (!(total > 0) || !Number.isFinite(total)) return null;
  for (let i = 0; i < n; i++) out[i] = out[i]! / total;
  return out;
}
