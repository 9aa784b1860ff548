/**
 * Total pore volume by the Gurvich rule (Gurvich 1915; ISO 15901-2; IUPAC 2015 §4.3): the amount adsorbed near
 * saturation, condensed to liquid, fills the pores. Liquid volume = n(p/p0) in cm³(STP)/g × the liquid-volume factor.
 */

export interface PoreVolumeResult {
  /** cm³ of liquid adsorbate per g, or null when the isotherm does not reach close enough to the target. */
  totalCm3PerG: number | null;
  /** The p/p0 actually used (the target, or the highest point when the target lies just beyond it). */
  relativePressure: number | null;
  /** Amount adsorbed at that p/p0, cm³(STP)/g. */
  loadingCm3StpPerG: number | null;
  /** How the value was obtained: interpolated between two points, or the highest point. */
  method: 'interpolated' | 'highest-point' | 'unavailable';
}

/**
 * Loading at `targetRelativePressure`, linearly interpolated between the two points that bracket it — never
 * extrapolated. When the target lies above the highest point by no more than `maxShortfall` the highest point is
 * used and reported; further below, the result is unavailable. Points must be sorted by pressure.
 */
export function gurvichPoreVolume(relativePressure: Float64Array, loadingCm3StpPerG: Float64Array, targetRelativePressure: number, liquidVolumeFactor: number, maxShortfall = 0.02): PoreVolumeResult {
  const n = relativePressure.length;
  const unavailable: PoreVolumeResult = { totalCm3PerG: null, relativePressure: null, loadingCm3StpPerG: null, method: 'unavailable' };
  if (n === 0) return unavailable;
  const last = relativePressure[n - 1]!;
  if (targetRelativePressure > last) {
    if (targetRelativePressure - last > maxShortfall) return unavailable;
    const q = loadingCm3StpPerG[n - 1]!;
    return { totalCm3PerG: q * liquidVolumeFactor, relativePressure: last, loadingCm3StpPerG: q, method: 'highest-point' };
  }
  for (let i = 0; i < n; i++) {
    if (relativePressure[i]! < targetRelativePressure) continue;
    if (relativePressure[i] === targetRelativePressure || i === 0) {
      if (i === 0 && relativePressure[0]! > targetRelativePressure) return unavailable;
      const q = loadingCm3StpPerG[i]!;
      return { totalCm3PerG: q * liquidVolumeFactor, relativePressure: targetRelativePressure, loadingCm3StpPerG: q, method: 'interpolated' };
    }
    const x0 = relativePressure[i - 1]!;
    const x1 = relativePressure[i]!;
    const q = loadingCm3StpPerG[i - 1]! + ((targetRelativePressure - x0) / (x1 - x0)) * (loadingCm3StpPerG[i]! - loadingCm3StpPerG[i - 1]!);
    return { totalCm3PerG: q * liquidVolumeFactor, relativePressure: targetRelativePressure, loadingCm3StpPerG: q, method: 'interpolated' };
  }
  return unavailable;
}
