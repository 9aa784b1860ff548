/**
 * Kelvin equation for the radius of the liquid core that condenses or evaporates at a relative pressure:
 * r_K = −k·g / ln(p/p0), k = 2γV_L/RT (0.953 nm for N2 at 77 K, Micromeritics' "adsorbate property factor"
 * 9.53 Å), g = 1 for a hemispherical meniscus (evaporation from a filled pore; the vendors use it on adsorption too)
 * and g = 1/2 for the cylindrical meniscus of condensation on a film (Cohan 1938). The Kruk–Jaroniec–Sayari
 * correction (Langmuir 13 (1997) 6267) adds 0.3 nm to the radius.
 */

export type Meniscus = 'hemispherical' | 'cylindrical';

export interface KelvinOptions {
  meniscus: Meniscus;
  kelvinFactorNm: number;
  /** Add the KJS 0.3 nm to the Kelvin radius. */
  kjs: boolean;
}

/** KJS correction to the Kelvin radius, nm (0.3 nm; Micromeritics adds 3.0 Å). */
export const KJS_CORRECTION_NM = 0.3;

function meniscusFactor(meniscus: Meniscus): number {
  return meniscus === 'hemispherical' ? 1 : 0.5;
}

/** Core radius in nm at a relative pressure in (0, 1). */
export function kelvinRadiusNm(relativePressure: number, options: KelvinOptions): number {
  const radius = (-options.kelvinFactorNm * meniscusFactor(options.meniscus)) / Math.log(relativePressure);
  return options.kjs ? radius + KJS_CORRECTION_NM : radius;
}

/** The inverse: the relative pressure at which a core of this radius (nm) condenses or evaporates. */
export function relativePressureAtKelvinRadius(radiusNm: number, options: KelvinOptions): number {
  const radius = options.kjs ? radiusNm - KJS_CORRECTION_NM : radiusNm;
  return Math.exp((-options.kelvinFactorNm * meniscusFactor(options.meniscus)) / radius);
}
