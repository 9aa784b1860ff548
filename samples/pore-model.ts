/**
 * A forward model of a mesoporous layer, written independently of src/ so that tests and samples have known
 * answers: cylindrical pores with a log-normal volume distribution in diameter (median, σ), filled (cylindrical
 * meniscus) and emptied (hemispherical) by the Kelvin equation with a Harkins–Jura film on their walls, plus the
 * same film on an external surface. dV/dlogD of such a layer peaks at the median with height V / (σ_log10 √(2π)).
 */
import { erf } from './math.js';

export { erf };

export const KELVIN_FACTOR_NM = 0.953;
export const LIQUID_FACTOR = 0.0015468;

/** Harkins–Jura film, nm (written out again here so the model does not lean on the code under test). */
function filmNm(p: number): number {
  return Math.sqrt(13.99 / (0.034 - Math.log10(p))) / 10;
}

/** Core radius that condenses (cylindrical meniscus, factor 1/2) or evaporates (hemispherical) at p. */
function coreRadiusNm(p: number, meniscusFactor: number): number {
  return (-KELVIN_FACTOR_NM * meniscusFactor) / Math.log(p);
}

/** The pressure at which a pore of diameter D fills or empties: r_K(p) + t(p) = D/2, by bisection on ln p. */
function pressureForDiameter(diameterNm: number, meniscusFactor: number): number {
  let low = Math.log(1e-6);
  let high = Math.log(1 - 1e-12);
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    const p = Math.exp(mid);
    if (coreRadiusNm(p, meniscusFactor) + filmNm(p) < diameterNm / 2) low = mid;
    else high = mid;
  }
  return Math.exp((low + high) / 2);
}

export interface PoreSample {
  medianNm: number;
  /** Geometric standard deviation as ln σ. */
  sigmaLn: number;
  poreVolumeCm3PerG: number;
  externalAreaM2PerG: number;
}

/** Pore classes: volume (cm³/g) per class of diameter, fine enough (2000 classes over ±5σ) to act as a continuum. */
export function poreClasses(sample: PoreSample): { diameterNm: Float64Array; volume: Float64Array } {
  const n = 2000;
  const diameterNm = new Float64Array(n);
  const volume = new Float64Array(n);
  const lnLow = Math.log(sample.medianNm) - 5 * sample.sigmaLn;
  const step = (10 * sample.sigmaLn) / n;
  for (let k = 0; k < n; k++) {
    const lnD = lnLow + (k + 0.5) * step;
    const z = (lnD - Math.log(sample.medianNm)) / sample.sigmaLn;
    diameterNm[k] = Math.exp(lnD);
    volume[k] = (sample.poreVolumeCm3PerG * Math.exp(-0.5 * z * z) * step) / (sample.sigmaLn * Math.sqrt(2 * Math.PI));
  }
  return { diameterNm, volume };
}

/**
 * Amount adsorbed (cm³ STP/g) at p on one branch: filled pores hold their full volume, empty ones a film of t(p) on
 * their walls (an annulus), and the external surface a flat film.
 */
export function loadingAt(p: number, classes: { diameterNm: Float64Array; volume: Float64Array }, sample: PoreSample, branch: 'adsorption' | 'desorption'): number {
  const t = filmNm(p);
  const meniscus = branch === 'desorption' ? 1 : 0.5;
  let liquid = sample.externalAreaM2PerG * t * 1e-3; // m²/g × nm → cm³/g
  for (let k = 0; k < classes.diameterNm.length; k++) {
    const radius = classes.diameterNm[k]! / 2;
    const filled = coreRadiusNm(p, meniscus) >= radius - t;
    liquid += filled ? classes.volume[k]! : classes.volume[k]! * (1 - (1 - t / radius) ** 2);
  }
  return liquid / LIQUID_FACTOR;
}

/** A branch measured at pressures whose pore diameters are log-spaced from 1.5 to 600 nm (a designed pressure table). */
export function generateBranch(sample: PoreSample, branch: 'adsorption' | 'desorption', points: number) {
  const classes = poreClasses(sample);
  const meniscus = branch === 'desorption' ? 1 : 0.5;
  const relativePressure = new Float64Array(points);
  const loading = new Float64Array(points);
  for (let j = 0; j < points; j++) {
    const fraction = branch === 'desorption' ? 1 - j / (points - 1) : j / (points - 1);
    const diameter = 1.5 * Math.pow(600 / 1.5, fraction);
    relativePressure[j] = pressureForDiameter(diameter, meniscus);
    loading[j] = loadingAt(relativePressure[j]!, classes, sample, branch);
  }
  return { relativePressure, loading };
}

/** Pore volume of the log-normal between two diameters (exact, through the error function). */
export function volumeBetween(sample: PoreSample, fromNm: number, toNm: number): number {
  const cdf = (d: number): number => 0.5 * (1 + erf(Math.log(d / sample.medianNm) / (sample.sigmaLn * Math.SQRT2)));
  return sample.poreVolumeCm3PerG * (cdf(toNm) - cdf(fromNm));
}



/** True dV/dlog10 D of the model at a diameter, cm³/g. */
export function dvDlogdAt(sample: PoreSample, diameterNm: number): number {
  const z = Math.log(diameterNm / sample.medianNm) / sample.sigmaLn;
  return (sample.poreVolumeCm3PerG * Math.exp(-0.5 * z * z)) / ((sample.sigmaLn / Math.LN10) * Math.sqrt(2 * Math.PI));
}
