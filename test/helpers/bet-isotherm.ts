/** Isotherms generated from the BET equation itself, whose area is known exactly. */
import { AVOGADRO_PER_MOL, MOLAR_VOLUME_STP_CM3_PER_MOL } from '../../src/core/constants.js';
import { seededRandom } from '../../samples/math.js';

export { seededRandom };

/** n(x) = n_m C x / [(1 − x)(1 − x + C x)] (Brunauer, Emmett, Teller 1938, eq. 28 with n → ∞ layers). */
export function betLoading(x: number, monolayerCm3StpPerG: number, c: number): number {
  return (monolayerCm3StpPerG * c * x) / ((1 - x) * (1 - x + c * x));
}

/** The exact area of a BET isotherm with monolayer n_m (cm³(STP)/g) and cross-section σ (nm²). */
export function exactArea(monolayerCm3StpPerG: number, crossSectionNm2 = 0.162): number {
  return (monolayerCm3StpPerG / MOLAR_VOLUME_STP_CM3_PER_MOL) * AVOGADRO_PER_MOL * crossSectionNm2 * 1e-18;
}


/** Standard normal deviates by Box–Muller. */
export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
