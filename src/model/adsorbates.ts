/**
 * Adsorptive properties poregrade needs: the molecular cross-section for BET (ISO 9277:2022, Table C.1) and the
 * saturation pressure at the normal boiling point, used as p0 only when a file gives absolute pressures and no p0
 * (stated as an assumption in the output).
 */
import { STANDARD_ATMOSPHERE_KPA } from '../core/constants.js';

export interface AdsorbateProperties {
  crossSectionNm2: number;
  /** Normal boiling point, K (CRC Handbook of Chemistry and Physics). */
  normalBoilingPointK: number;
}

export const ADSORBATES: Readonly<Record<string, AdsorbateProperties>> = {
  nitrogen: { crossSectionNm2: 0.162, normalBoilingPointK: 77.355 },
  argon: { crossSectionNm2: 0.142, normalBoilingPointK: 87.302 },
  krypton: { crossSectionNm2: 0.202, normalBoilingPointK: 119.93 },
};

/**
 * p0 (kPa) for a bath at the adsorptive's normal boiling point (within 0.5 K), or null when no safe value is known.
 * Near the boiling point the vapour pressure is one atmosphere by definition; elsewhere it must come from the file.
 */
export function assumedP0Kpa(adsorbate: string, temperatureK: number | null): number | null {
  const properties = ADSORBATES[adsorbate];
  if (!properties || temperatureK === null) return null;
  return Math.abs(temperatureK - properties.normalBoilingPointK) <= 0.5 ? STANDARD_ATMOSPHERE_KPA : null;
}
