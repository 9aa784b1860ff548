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
 * Vapour pressure of CO2 (kPa) from the ancillary equation of Span & Wagner, J. Phys. Chem. Ref. Data 25 (1996) 1509,
 * eq. 3.13: ln(p/pc) = (Tc/T) Σ aᵢ (1 − T/Tc)^tᵢ, valid from the triple point (216.59 K) to the critical point.
 */
function co2VapourPressureKpa(temperatureK: number): number | null {
  const criticalK = 304.1282;
  const criticalKpa = 7377.3;
  if (temperatureK < 216.59 || temperatureK >= criticalK) return null;
  const tau = 1 - temperatureK / criticalK;
  const sum = -7.0602087 * tau + 1.9391218 * tau ** 1.5 - 1.6463597 * tau ** 2 - 3.2995634 * tau ** 4;
  return criticalKpa * Math.exp((criticalK / temperatureK) * sum);
}

/**
 * p0 (kPa) when a file gives absolute pressures only, or null when no safe value is known: one atmosphere for a bath
 * at the adsorptive's normal boiling point (within 0.5 K), and CO2's vapour pressure below its critical point.
 * Callers state the value as an assumption.
 */
export function assumedP0Kpa(adsorbate: string, temperatureK: number | null): number | null {
  if (temperatureK === null) return null;
  if (adsorbate === 'carbon dioxide') return co2VapourPressureKpa(temperatureK);
  const properties = ADSORBATES[adsorbate];
  if (!properties) return null;
  return Math.abs(temperatureK - properties.normalBoilingPointK) <= 0.5 ? STANDARD_ATMOSPHERE_KPA : null;
}

/** The assumption a reader states when it uses assumedP0Kpa. */
export function assumedP0Statement(adsorbate: string, temperatureK: number, p0Kpa: number): string {
  const why = adsorbate === 'carbon dioxide' ? 'vapour pressure of CO2 by Span & Wagner (1996)' : `${adsorbate} at its normal boiling point`;
  return `p0 taken as ${Number(p0Kpa.toPrecision(6))} kPa (${why}, ${temperatureK} K): the file gives absolute pressures and no p0`;
}
